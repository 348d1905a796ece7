namespace Serverless.Shared.Registry;

/// <summary>Outcome of writing registry changes.</summary>
/// <param name="Written">Number of rows written, each with one history entry.</param>
/// <param name="Unchanged">
/// Row keys of changes not written because the row already had their values, for example because another writer
/// made the same change first.
/// </param>
/// <param name="Conflicts">Changes not written because other writers changed the same fields first.</param>
internal sealed record RegistryWriteResult(
    int Written, IReadOnlyList<string> Unchanged, IReadOnlyList<RegistryConflict> Conflicts);
