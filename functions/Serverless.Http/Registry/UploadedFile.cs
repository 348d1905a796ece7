using Microsoft.AspNetCore.Http;
using Serverless.Shared.Domain;

namespace Serverless.Http.Registry;

/// <summary>
/// Copies a request body to a temporary file that is deleted when closed, because the readers need a seekable
/// stream and a large upload should not be held in memory.
/// </summary>
internal static class UploadedFile
{
    /// <summary>Largest accepted upload: 1 GiB, more than a CSV of a million employers.</summary>
    public const long MaxBytes = 1L << 30;

    /// <exception cref="ValidationException">The body is empty or larger than <see cref="MaxBytes"/>.</exception>
    public static async Task<FileStream> SaveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new ValidationException(
                "body", $"{request.ContentLength} bytes", $"is larger than the {MaxBytes} bytes accepted");
        }

        var file = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var buffer = new byte[1 << 16];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (file.Length + read > MaxBytes)
                {
                    throw new ValidationException("body", null, $"is larger than the {MaxBytes} bytes accepted");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            if (file.Length == 0)
            {
                throw new ValidationException("body", "", "is empty; send the file as the request body");
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Returns the format named by the <c>format</c> query parameter, or else by the content type (an XLSX media
    /// type gives XLSX, anything else CSV).
    /// </summary>
    public static Shared.Registry.TabularFormat FormatOf(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0)
        {
            return format.ToUpperInvariant() switch
            {
                "CSV" => Shared.Registry.TabularFormat.Csv,
                "XLSX" => Shared.Registry.TabularFormat.Xlsx,
                _ => throw new ValidationException("format", format, "is neither csv nor xlsx"),
            };
        }

        return request.ContentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) == true
            ? Shared.Registry.TabularFormat.Xlsx
            : Shared.Registry.TabularFormat.Csv;
    }
}
