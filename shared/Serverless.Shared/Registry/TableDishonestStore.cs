using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>The dishonest list in the table <see cref="RegistryTables.Dishonest"/>, one row per credit code.</summary>
public sealed class TableDishonestStore
{
    /// <summary>Partition key of every entry.</summary>
    public const string Partition = "list";

    private readonly RegistryTables tables;

    /// <summary>Creates the store on the tables of <paramref name="tables"/>.</summary>
    public TableDishonestStore(RegistryTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        this.tables = tables;
    }

    /// <summary>Upserts entries in transactions of at most 100.</summary>
    public async Task UpsertAsync(IReadOnlyCollection<DishonestEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var entities = entries.Select(ToEntity).ToList();
        foreach (var entity in entities)
        {
            TableLimits.ThrowIfInvalid("dishonest", entity);
        }

        var table = await tables.GetAsync(RegistryTables.Dishonest, cancellationToken).ConfigureAwait(false);
        await TableOperations.UpsertAllAsync(table, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists every entry in ordinal order of credit code.</summary>
    public async Task<IReadOnlyList<DishonestEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(RegistryTables.Dishonest, cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(table, Partition, tables.Storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities.OrderBy(entity => entity.RowKey, StringComparer.Ordinal).Select(FromEntity).ToList();
    }

    private static TableEntity ToEntity(DishonestEntry entry)
    {
        var entity = new TableEntity(Partition, entry.CreditCode)
        {
            [nameof(DishonestEntry.EmployerName)] = entry.EmployerName,
            [nameof(DishonestEntry.LegalRepresentative)] = entry.LegalRepresentative,
            [nameof(DishonestEntry.Facts)] = entry.Facts,
            [nameof(DishonestEntry.ListedOn)] = TableLimits.ToStoredDate("listedOn", entry.ListedOn),
            [nameof(DishonestEntry.Department)] = entry.Department,
        };
        if (entry.ListedUntil is { } until)
        {
            entity[nameof(DishonestEntry.ListedUntil)] = TableLimits.ToStoredDate("listedUntil", until);
        }

        return entity;
    }

    private static DishonestEntry FromEntity(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(DishonestEntry.EmployerName)),
        StoredValues.RequireString(entity, nameof(DishonestEntry.LegalRepresentative)),
        StoredValues.RequireString(entity, nameof(DishonestEntry.Facts)),
        StoredValues.RequireDate(entity, nameof(DishonestEntry.ListedOn)),
        TableLimits.FromStoredDate(entity.GetDateTimeOffset(nameof(DishonestEntry.ListedUntil))),
        StoredValues.RequireString(entity, nameof(DishonestEntry.Department)));
}
