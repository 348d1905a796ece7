using Azure.Data.Tables;

namespace Serverless.Shared.Registry;

/// <summary>A registry row to write: its new entity and the stored one it replaces, if any.</summary>
/// <param name="Entity">Entity to store, with every property.</param>
/// <param name="Stored">Stored entity, or null for a new row.</param>
internal sealed record RegistryChange(TableEntity Entity, TableEntity? Stored);
