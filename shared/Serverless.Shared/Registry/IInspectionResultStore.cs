namespace Serverless.Shared.Registry;

/// <summary>Stored inspection results, one per office, draw and employer.</summary>
public interface IInspectionResultStore
{
    /// <summary>Validates every result, then upserts them; nothing is written when one is invalid.</summary>
    Task UpsertAsync(IReadOnlyList<InspectionResult> results, CancellationToken cancellationToken = default);

    /// <summary>Reads the result of one drawn employer, or returns null when none is entered.</summary>
    Task<InspectionResult?> GetAsync(
        string officeCode, string drawId, string creditCode, CancellationToken cancellationToken = default);

    /// <summary>Lists an office's results in ordinal order of draw id and credit code.</summary>
    Task<IReadOnlyList<InspectionResult>> ListAsync(string officeCode, CancellationToken cancellationToken = default);
}
