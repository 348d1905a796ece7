using Azure.Data.Tables;

namespace Serverless.Shared.Registry;

/// <summary>A registry row to write: its new entity and the stored one it was computed from, if any.</summary>
/// <param name="Entity">Entity to store, with every property.</param>
/// <param name="Stored">
/// Stored entity, with its ETag, that <paramref name="Entity"/> was computed from, or null for a new row.
/// </param>
/// <param name="Reapply">
/// Computes the entity again from a row that another writer changed in the meantime, or returns null when nothing
/// is left to change. When null, the properties that differ between <paramref name="Stored"/> and
/// <paramref name="Entity"/> are applied to the changed row, and a property that the other writer changed too is
/// a <see cref="RegistryConflict"/>.
/// </param>
internal sealed record RegistryChange(
    TableEntity Entity, TableEntity? Stored, Func<TableEntity, TableEntity?>? Reapply = null);
