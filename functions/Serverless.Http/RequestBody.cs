using Microsoft.AspNetCore.Http;
using Serverless.Shared.Domain;

namespace Serverless.Http;

/// <summary>Reads request bodies up to a size limit, with or without a Content-Length header.</summary>
internal static class RequestBody
{
    /// <summary>
    /// Reads the whole body of <paramref name="context"/>, or throws a validation error on the field <c>body</c>
    /// as soon as the declared or the read length is over <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<byte[]> ReadCappedAsync(HttpContext context, int maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            throw new ValidationException(
                "body", $"{context.Request.ContentLength} bytes", $"is larger than {maxBytes} bytes");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ValidationException("body", null, $"is larger than {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
