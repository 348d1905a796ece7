using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Change history of officers and employers in the table <see cref="RegistryTables.History"/>. Entries are
/// only added, never changed, and deleted only when the change they describe lost a concurrent write.
/// </summary>
public sealed class TableHistoryStore
{
    // Stored changes are written without indentation and with non-ASCII text unescaped, which makes an entry of
    // a new employer with a Chinese name and address about two thirds of the indented, escaped size. Readers parse
    // both forms.
    private static readonly JsonTypeInfo<IReadOnlyList<FieldChange>> StoredChanges = new RegistryJsonContext(
        new JsonSerializerOptions(RegistryJsonContext.Default.Options)
        {
            WriteIndented = false,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).IReadOnlyListFieldChange;

    private readonly RegistryTables tables;

    /// <summary>Creates the store on the tables of <paramref name="tables"/>.</summary>
    public TableHistoryStore(RegistryTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        this.tables = tables;
    }

    /// <summary>
    /// Appends entries in transactions of one partition (registry and office) and at most 100 entries.
    /// </summary>
    public async Task AppendAsync(IReadOnlyCollection<HistoryEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await AddAsync(entries, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends entries like <see cref="AppendAsync"/> and returns the stored entities.</summary>
    internal async Task<IReadOnlyList<TableEntity>> AddAsync(
        IReadOnlyCollection<HistoryEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(RegistryTables.History, cancellationToken).ConfigureAwait(false);
        var entities = entries.Select(ToEntity).ToList();
        foreach (var entity in entities)
        {
            TableLimits.ThrowIfInvalid("history", entity);
        }

        var actions = entities.Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity));
        await TableOperations.SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
        return entities;
    }

    /// <summary>
    /// Deletes entries that <see cref="AddAsync"/> stored for a change that was then not written, because another
    /// writer changed the row first. Entries of written changes are never deleted.
    /// </summary>
    internal async Task RemoveAsync(IReadOnlyList<TableEntity> entries, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(RegistryTables.History, cancellationToken).ConfigureAwait(false);
        var actions = entries.Select(entity => new TableTransactionAction(TableTransactionActionType.Delete, entity));
        await TableOperations.SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the history of one row, newest first.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(
        RegistryKind kind, string officeCode, string key, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalidKeyPart("key", key);
        var table = await tables.GetAsync(RegistryTables.History, cancellationToken).ConfigureAwait(false);
        var partition = Partition(kind, officeCode);
        var low = key + TableKeys.Separator;
        var high = key + (char)(TableKeys.Separator + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {low} and RowKey lt {high}");
        var entities = await TableOperations
            .QueryAllAsync(table, filter, tables.Storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities
            .OrderBy(entity => entity.RowKey, StringComparer.Ordinal)
            .Select(entity => FromEntity(kind, officeCode, key, entity))
            .ToList();
    }

    private static string Partition(RegistryKind kind, string officeCode) =>
        TableKeys.Join(kind.ToString(), officeCode);

    private TableEntity ToEntity(HistoryEntry entry)
    {
        // Inverted ticks sort the newest first; random digits keep entries of the same tick apart, also
        // when two hosts write at once.
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - entry.ChangedAt.UtcTicks)
            .ToString("D19", CultureInfo.InvariantCulture);
        var unique = Guid.NewGuid().ToString("N")[..12];
        return new TableEntity(
            Partition(entry.Kind, entry.OfficeCode), TableKeys.Join(entry.Key, inverted + "-" + unique))
        {
            ["ChangedAt"] = entry.ChangedAt,
            ["Actor"] = entry.Actor,
            ["Reason"] = entry.Reason,
            ["Changes"] = JsonSerializer.Serialize(entry.Changes, StoredChanges),
        };
    }

    private static HistoryEntry FromEntity(RegistryKind kind, string officeCode, string key, TableEntity entity) => new(
        kind,
        officeCode,
        key,
        StoredValues.RequireDateTimeOffset(entity, "ChangedAt"),
        StoredValues.RequireString(entity, "Actor"),
        StoredValues.RequireString(entity, "Reason"),
        JsonSerializer.Deserialize(
            StoredValues.RequireString(entity, "Changes"), RegistryJsonContext.Default.IReadOnlyListFieldChange) ?? []);
}
