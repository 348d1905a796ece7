namespace Serverless.Shared.Storage;

/// <summary>
/// Draw records, pool files and seeds in Blob storage. Records are written once and never replaced.
/// </summary>
public interface IRecordStore
{
    /// <summary>
    /// Writes a blob unless one exists at that path. Returns true when this call wrote it; false when it
    /// already existed, in which case the stored content is left as it is.
    /// </summary>
    Task<bool> TryWriteOnceAsync(string path, BinaryData content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Reads a blob, or returns null when none exists at that path.</summary>
    Task<BinaryData?> ReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Lists the paths below a prefix, in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
