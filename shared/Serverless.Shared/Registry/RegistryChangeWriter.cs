using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Writes registry rows together with their history entries, with optimistic concurrency: a row read before is
/// replaced only while its ETag is unchanged, and a new row is added only while it does not exist. Rows whose
/// values equal the stored ones are skipped, so writing the same rows again adds no history.
/// </summary>
/// <remarks>
/// Each written row carries the entry of its own change (see <see cref="TableHistoryStore"/>), so a row and its
/// entry are one operation of one transaction. The entry a replaced row carried is moved to the history table
/// first, in a separate write, because Table storage has no transaction across tables. That move is idempotent and
/// the entry describes a change that was made, so a write that then loses, or a process that stops in between,
/// leaves no wrong entry.
/// </remarks>
internal sealed class RegistryChangeWriter
{
    /// <summary>Number of write attempts before a change that keeps losing to other writers is reported.</summary>
    public const int MaxAttempts = 5;

    private readonly RegistryTables tables;
    private readonly TableHistoryStore history;
    private readonly ILogger logger;

    public RegistryChangeWriter(RegistryTables tables, TableHistoryStore history, ILogger? logger = null)
    {
        this.tables = tables;
        this.history = history;
        this.logger = logger ?? NullLogger.Instance;
    }

    /// <summary>
    /// Writes the changes that differ from the stored rows, in transactions of one office and at most 100 rows.
    /// A transaction that fails with 412 (the row changed) or 409 (the row was added) is read again, each change
    /// is applied again to the rows as they are now, and the transaction is repeated up to
    /// <see cref="MaxAttempts"/> times. Changes that no longer apply are returned as conflicts and not written.
    /// </summary>
    public async Task<RegistryWriteResult> WriteAsync(
        RegistryKind kind, string tableName, IReadOnlyList<RegistryChange> changes, string actor, string reason,
        DateTimeOffset changedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tableName, cancellationToken).ConfigureAwait(false);
        var conflicts = new List<RegistryConflict>();
        var unchanged = new List<string>();
        var written = 0;
        var pending = changes.Select(change => (Change: change, Current: change.Stored)).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var writes = new List<RowWrite>();
            foreach (var (change, current) in pending)
            {
                var conflictCount = conflicts.Count;
                if (Plan(kind, change, current, actor, reason, changedAt, conflicts) is { } write)
                {
                    writes.Add(write);
                }
                else if (conflicts.Count == conflictCount)
                {
                    unchanged.Add(change.Entity.RowKey);
                }
            }

            var lost = new List<RowWrite>();
            foreach (var transaction in writes.GroupBy(write => write.Entity.PartitionKey, StringComparer.Ordinal)
                .SelectMany(partition => partition.Chunk(TableLimits.MaxTransactionActions)))
            {
                if (await TrySubmitAsync(kind, table, transaction, cancellationToken).ConfigureAwait(false))
                {
                    written += transaction.Length;
                }
                else
                {
                    lost.AddRange(transaction);
                }
            }

            if (lost.Count == 0)
            {
                break;
            }

            if (attempt == MaxAttempts)
            {
                conflicts.AddRange(lost.Select(write => new RegistryConflict(
                    kind, write.Entity.PartitionKey, write.Entity.RowKey, "",
                    $"other writers changed the row {MaxAttempts} times while this change was written")));
                RegistryLog.WriteGaveUp(logger, kind, lost.Count, MaxAttempts);
                break;
            }

            RegistryLog.WriteRetried(logger, kind, lost.Count, attempt);
            pending = [];
            foreach (var write in lost)
            {
                var current = await TableOperations.GetIfExistsAsync(
                    table, write.Entity.PartitionKey, write.Entity.RowKey, cancellationToken).ConfigureAwait(false);
                pending.Add((write.Change, current));
            }
        }

        return new RegistryWriteResult(written, unchanged, conflicts);
    }

    /// <summary>Reads the stored entity of a row with its ETag, or null when it does not exist.</summary>
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
            if (EntityDiff.IsField(name) && !imported.Contains(name, StringComparer.Ordinal))
            {
                entity[name] = value;
            }
        }

        return entity;
    }

    /// <summary>
    /// Computes the row to write from the row as it is now, or returns null when nothing differs or the change
    /// conflicts, in which case the conflict is added to <paramref name="conflicts"/>.
    /// </summary>
    private static RowWrite? Plan(
        RegistryKind kind, RegistryChange change, TableEntity? current, string actor, string reason,
        DateTimeOffset changedAt, List<RegistryConflict> conflicts)
    {
        TableEntity? target;
        if (ReferenceEquals(current, change.Stored))
        {
            target = change.Entity;
        }
        else if (current is not null && change.Reapply is not null)
        {
            target = change.Reapply(current);
        }
        else
        {
            target = Merge(kind, change, current, conflicts);
        }

        if (target is null)
        {
            return null;
        }

        var fields = EntityDiff.Compare(current, target);
        if (fields.Count == 0)
        {
            return null;
        }

        // A copy, because the change's entity is merged again when the write has to be repeated.
        var row = new TableEntity(target);
        TableHistoryStore.SetLatest(
            row, new HistoryEntry(kind, target.PartitionKey, target.RowKey, changedAt, actor, reason, fields),
            created: current is null);
        TableLimits.ThrowIfInvalid(EntityDiff.CamelCase(kind.ToString()), row);
        return new RowWrite(change, row, current);
    }

    /// <summary>
    /// Applies the properties that <paramref name="change"/> changes to <paramref name="current"/>. A property
    /// that now has neither the value the change was computed from nor the value it sets is a conflict.
    /// </summary>
    private static TableEntity? Merge(
        RegistryKind kind, RegistryChange change, TableEntity? current, List<RegistryConflict> conflicts)
    {
        var entity = change.Entity;
        if (current is null)
        {
            if (change.Stored is null)
            {
                return entity;
            }

            // Rows are never deleted, so a row read before and missing now was removed outside the product.
            conflicts.Add(new RegistryConflict(
                kind, entity.PartitionKey, entity.RowKey, "", "the row was deleted after it was read"));
            return null;
        }

        var merged = new TableEntity(current);
        var names = entity.Keys.Union(change.Stored?.Keys ?? [], StringComparer.Ordinal)
            .Where(EntityDiff.IsField);
        foreach (var name in names)
        {
            var read = EntityDiff.Format(EntityDiff.ValueOf(change.Stored, name));
            var set = EntityDiff.Format(EntityDiff.ValueOf(entity, name));
            var now = EntityDiff.Format(EntityDiff.ValueOf(current, name));
            if (string.Equals(read, set, StringComparison.Ordinal) || string.Equals(now, set, StringComparison.Ordinal))
            {
                continue;
            }

            if (!string.Equals(now, read, StringComparison.Ordinal))
            {
                var field = EntityDiff.CamelCase(name);
                conflicts.Add(new RegistryConflict(
                    kind, entity.PartitionKey, entity.RowKey, field,
                    $"another writer changed {field} after the row was read"));
                return null;
            }

            if (entity.TryGetValue(name, out var value) && value is not null)
            {
                merged[name] = value;
            }
            else
            {
                merged.Remove(name);
            }
        }

        return merged;
    }

    /// <summary>
    /// Moves the entries that the replaced rows carry to the history table and submits one transaction. Returns
    /// false when a row changed or appeared since it was read. The moved entries stay, because each describes a
    /// change that was made.
    /// </summary>
    private async Task<bool> TrySubmitAsync(
        RegistryKind kind, TableClient table, RowWrite[] transaction, CancellationToken cancellationToken)
    {
        await history.MoveLatestAsync(
            kind, transaction.Select(write => write.Current).OfType<TableEntity>(), cancellationToken)
            .ConfigureAwait(false);
        var actions = transaction.Select(write => write.Current is { } current
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, write.Entity, current.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, write.Entity));
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException failed) when (failed.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// One row to write: the change it comes from, the entity with its history entry, and the stored row it
    /// replaces, with its ETag, or null for a new row.
    /// </summary>
    private sealed record RowWrite(RegistryChange Change, TableEntity Entity, TableEntity? Current);
}
