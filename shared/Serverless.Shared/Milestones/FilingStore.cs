using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Milestones;

/// <summary>Filed documents and their acknowledgements in Blob storage; both are written once.</summary>
public sealed class FilingStore(IRecordStore records)
{
    private const int MaxFileNameLength = 120;

    /// <summary>Stores a document; returns false when a document of that name was filed before.</summary>
    /// <exception cref="ValidationException">The file name is empty, too long or not a plain name.</exception>
    public Task<bool> UploadAsync(
        string officeCode,
        string milestoneId,
        string fileName,
        BinaryData content,
        string contentType,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ValidateFileName(fileName);
        return records.TryWriteOnceAsync(
            MilestonePaths.FilingDocuments(officeCode, milestoneId) + fileName, content, contentType, cancellationToken);
    }

    /// <summary>Stores the acknowledgement; returns false when the filing was acknowledged before.</summary>
    public Task<bool> AcknowledgeAsync(
        string officeCode, string milestoneId, FilingAcknowledgement acknowledgement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        return records.TryWriteOnceAsync(
            MilestonePaths.FilingAcknowledgement(officeCode, milestoneId),
            RecordJson.Serialize(acknowledgement),
            "application/json",
            cancellationToken);
    }

    /// <summary>Reads how many documents are filed and whether the filing is acknowledged.</summary>
    public async Task<FilingState> GetStateAsync(string officeCode, string milestoneId, CancellationToken cancellationToken = default)
    {
        var documents = await records.ListAsync(MilestonePaths.FilingDocuments(officeCode, milestoneId), cancellationToken)
            .ConfigureAwait(false);
        var acknowledgement = await records.ReadAsync(
            MilestonePaths.FilingAcknowledgement(officeCode, milestoneId), cancellationToken).ConfigureAwait(false);
        return new FilingState(
            documents.Count,
            acknowledgement is null ? null : RecordJson.Deserialize<FilingAcknowledgement>(acknowledgement));
    }

    private static void ValidateFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (fileName.Length == 0 || fileName.Length > MaxFileNameLength)
        {
            throw new ValidationException("fileName", fileName, $"must have 1 to {MaxFileNameLength} characters");
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.StartsWith('.') || fileName.Any(char.IsControl))
        {
            throw new ValidationException("fileName", fileName, "must be a plain file name without folders");
        }
    }
}
