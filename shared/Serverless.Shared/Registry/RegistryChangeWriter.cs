using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Writes registry rows together with their history entries. Rows whose values equal the stored ones are
/// skipped, so writing the same rows again adds no history.
/// </summary>
internal sealed class RegistryChangeWriter
{
    private readonly RegistryTables tables;
    private readonly TableHistoryStore history;

    public RegistryChangeWriter(RegistryTables tables, TableHistoryStore history)
    {
        this.tables = tables;
        this.history = history;
    }

    /// <summary>
    /// Writes the changes that differ from the stored rows and returns how many were written. Rows are
    /// upserted in transactions of one office and at most 100 rows.
    /// </summary>
    /// <remarks>
    /// NOTE: history is written before the rows, in separate transactions, because Table storage has no
    /// transaction across tables. A failure between them leaves entries for rows that were not written; the
    /// next write of those rows adds their entries again.
    /// </remarks>
    public async Task<int> WriteAsync(
        RegistryKind kind, string tableName, IReadOnlyList<RegistryChange> changes, string actor, string reason,
        DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>(changes.Count);
        var entities = new List<TableEntity>(changes.Count);
        foreach (var change in changes)
        {
            var fields = EntityDiff.Compare(change.Stored, change.Entity);
            if (fields.Count == 0)
            {
                continue;
            }

            entries.Add(new HistoryEntry(
                kind, change.Entity.PartitionKey, change.Entity.RowKey, changedAt, actor, reason, fields));
            entities.Add(change.Entity);
        }

        if (entities.Count == 0)
        {
            return 0;
        }

        await history.AppendAsync(entries, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(tableName, cancellationToken).ConfigureAwait(false);
        await TableOperations.UpsertAllAsync(table, entities, cancellationToken).ConfigureAwait(false);
        return entities.Count;
    }

    /// <summary>Reads the stored entity of a row, or null when it does not exist.</summary>
    public async Task<TableEntity?> ReadAsync(
        string tableName, string officeCode, string key, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken).ConfigureAwait(false);
        return await TableOperations.GetIfExistsAsync(table, officeCode, key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Returns <paramref name="entity"/> with the stored row's properties that <paramref name="imported"/> does
    /// not name copied into it, such as risk flags and the date of the last inspection.
    /// </summary>
    public static TableEntity KeepOthers(TableEntity entity, TableEntity? stored, IReadOnlyList<string> imported)
    {
        if (stored is null)
        {
            return entity;
        }

        foreach (var (name, value) in stored)
        {
            if (!EntityDiff.IsSystem(name) && !imported.Contains(name, StringComparer.Ordinal))
            {
                entity[name] = value;
            }
        }

        return entity;
    }
}
