namespace Serverless.Shared.Registry;

/// <summary>Outcome of an import: counts of rows and the first errors.</summary>
/// <param name="Kind">Registry imported into.</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Created">Rows that were not in the registry and were written.</param>
/// <param name="Updated">Rows whose stored values differed and were written.</param>
/// <param name="Unchanged">Rows equal to the stored ones, which were not written.</param>
/// <param name="Rejected">Rows with at least one error, which were not written.</param>
/// <param name="ErrorCount">Errors found, one per rejected cell.</param>
/// <param name="Errors">
/// The first <see cref="RegistryImporter.MaxListedErrors"/> errors in file order; the error CSV given to the
/// import receives all of them.
/// </param>
public sealed record ImportReport(
    RegistryKind Kind, long Rows, long Created, long Updated, long Unchanged, long Rejected, long ErrorCount,
    IReadOnlyList<RowError> Errors);
