using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// <see cref="IRecordStore"/> on Azure Blob storage, in the records container. A write sends
/// <c>If-None-Match: *</c>, so the service itself rejects a second write to a path.
/// </summary>
public sealed class BlobRecordStore : IRecordStore
{
    /// <summary>Maximum length of a blob path.</summary>
    public const int MaxPathLength = 1024;

    private readonly StorageContext context;

    /// <summary>Creates the store on the records container of <paramref name="context"/>.</summary>
    public BlobRecordStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    public async Task<bool> TryWriteOnceAsync(
        string path, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        ValidatePath(nameof(path), path);
        ArgumentNullException.ThrowIfNull(content);
        StoreValidation.RequireText(nameof(contentType), contentType);
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);

        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<BinaryData?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ValidatePath(nameof(path), path);
        var blob = await BlobAsync(path, cancellationToken).ConfigureAwait(false);

        try
        {
            var response = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        var paths = new List<string>();
        var pages = context.RecordsContainer
            .GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken)
            .AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            paths.AddRange(page.Values.Select(item => item.Name));
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <summary>
    /// Rejects paths that Blob storage would store under another name or reject: empty, longer than 1024
    /// characters, with control characters or backslashes, or with empty, "." or ".." segments.
    /// </summary>
    private static void ValidatePath(string field, string? path)
    {
        StoreValidation.RequireText(field, path);
        if (path.Length > MaxPathLength)
        {
            throw new ValidationException(field, path[..40] + "...", $"is longer than {MaxPathLength} characters");
        }

        if (path.Any(c => char.IsControl(c) || c == '\\'))
        {
            throw new ValidationException(field, path, "contains a control character or a backslash");
        }

        if (path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ValidationException(field, path, "has an empty, '.' or '..' segment");
        }
    }

    private async Task<BlobClient> BlobAsync(string path, CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.RecordsContainer.GetBlobClient(path);
    }
}
