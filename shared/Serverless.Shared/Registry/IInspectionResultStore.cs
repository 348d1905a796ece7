namespace Serverless.Shared.Registry;

/// <summary>Stored inspection results, one per office, draw and employer.</summary>
public interface IInspectionResultStore
{
    /// <summary>Validates every result, then upserts them; nothing is written when one is invalid.</summary>
    Task UpsertAsync(IReadOnlyList<InspectionResult> results, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one result unless an equal one is stored, and returns the result it replaced, or null when none was
    /// stored. A result that another writer stores between the read and the write is read again, so the returned
    /// result is always the one this write replaced.
    /// </summary>
    /// <exception cref="ValidationException">The result is invalid; nothing is written then.</exception>
    Task<InspectionResult?> PutAsync(InspectionResult result, CancellationToken cancellationToken = default);

    /// <summary>Reads the result of one drawn employer, or returns null when none is entered.</summary>
    Task<InspectionResult?> GetAsync(
        string officeCode, string drawId, string creditCode, CancellationToken cancellationToken = default);

    /// <summary>Lists an office's results in ordinal order of draw id and credit code.</summary>
    Task<IReadOnlyList<InspectionResult>> ListAsync(string officeCode, CancellationToken cancellationToken = default);
}
