namespace Serverless.Shared.Registry;

/// <summary>Outcome of importing a department's dishonest list.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Stored">Valid entries stored in the dishonest list.</param>
/// <param name="Flagged">Registered employers that got the risk flag.</param>
/// <param name="Unflagged">Registered employers whose listing has ended and whose flag was removed.</param>
/// <param name="NotRegistered">Valid entries whose employer is not in the registry.</param>
/// <param name="Rejected">Rows with at least one error, which were not stored.</param>
/// <param name="Errors">Errors in file order.</param>
public sealed record DishonestImportReport(
    long Rows, long Stored, long Flagged, long Unflagged, long NotRegistered, long Rejected,
    IReadOnlyList<RowError> Errors);
