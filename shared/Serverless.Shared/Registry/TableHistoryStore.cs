using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Change history of officers and employers. A row carries the entry of its latest change in its own properties
/// (<see cref="ChangeIdProperty"/> and the five after it), written in the same operation as the values it
/// describes. When a later change replaces the row, the entry it carried moves to the table
/// <see cref="RegistryTables.History"/>. That table contains every earlier entry, and a new row costs no second
/// entity.
/// </summary>
/// <remarks>
/// Entries in the table are only added, never changed or deleted. Moving an entry is idempotent: its row key
/// comes from the entry's time and id, so moving it again, or moving it for a write that then loses to another
/// writer, stores the same entity again. A row written before entries were carried on rows has none; its
/// entries, including its creation, are all in the table.
/// </remarks>
public sealed class TableHistoryStore
{
    /// <summary>Row property with the id of the row's latest change, 12 hexadecimal digits.</summary>
    internal const string ChangeIdProperty = "ChangeId";

    /// <summary>Row property with the time of the row's latest change.</summary>
    internal const string ChangedAtProperty = "ChangedAt";

    /// <summary>Row property with who made the row's latest change.</summary>
    internal const string ChangedByProperty = "ChangedBy";

    /// <summary>Row property with why the row last changed.</summary>
    internal const string ChangeReasonProperty = "ChangeReason";

    /// <summary>Row property with the fields of the row's latest change as JSON.</summary>
    internal const string ChangedFieldsProperty = "ChangedFields";

    /// <summary>
    /// Row property that replaces <see cref="ChangedFieldsProperty"/> when the latest change created the row: the
    /// names of the properties it set, separated by commas. Their values are the row's own, because every later
    /// change to them replaces the entry first, so the entry does not repeat them.
    /// </summary>
    internal const string CreatedFieldsProperty = "CreatedFields";

    /// <summary>
    /// Properties that change without a history entry: draws set the date of the last inspection with
    /// <see cref="TableRegistryStore.SetLastInspectedAsync"/>. A creation that sets one of them keeps its values in
    /// <see cref="ChangedFieldsProperty"/>, because the row's value may no longer be the created one.
    /// </summary>
    private static readonly string[] ChangedWithoutEntry = [nameof(Domain.Employer.LastInspectedOn)];

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

    /// <summary>Returns whether a row property carries the row's latest change rather than a registry field.</summary>
    internal static bool IsChangeProperty(string name) =>
        name is ChangeIdProperty or ChangedAtProperty or ChangedByProperty or ChangeReasonProperty
            or ChangedFieldsProperty or CreatedFieldsProperty;

    /// <summary>
    /// Sets the properties of <paramref name="row"/> that carry its latest change to <paramref name="entry"/>, with
    /// a new change id. <paramref name="created"/> is true when the change creates the row, so that
    /// <paramref name="entry"/> sets every field of <paramref name="row"/>.
    /// </summary>
    internal static void SetLatest(TableEntity row, HistoryEntry entry, bool created)
    {
        row.Remove(ChangedFieldsProperty);
        row.Remove(CreatedFieldsProperty);
        row[ChangeIdProperty] = Guid.NewGuid().ToString("N")[..12];
        row[ChangedAtProperty] = entry.ChangedAt;
        row[ChangedByProperty] = entry.Actor;
        row[ChangeReasonProperty] = entry.Reason;
        if (created && !ChangedWithoutEntry.Any(name => row.TryGetValue(name, out var value) && value is not null))
        {
            var names = row.Where(property => property.Value is not null && EntityDiff.IsField(property.Key))
                .Select(property => property.Key)
                .Order(StringComparer.Ordinal);
            row[CreatedFieldsProperty] = string.Join(',', names);
        }
        else
        {
            row[ChangedFieldsProperty] = JsonSerializer.Serialize(entry.Changes, StoredChanges);
        }
    }

    /// <summary>
    /// Moves the entries that the stored rows <paramref name="superseded"/> carry to the history table, before
    /// a write replaces those rows. Rows without an entry are skipped. The rows must be of one office.
    /// </summary>
    internal async Task MoveLatestAsync(
        RegistryKind kind, IEnumerable<TableEntity> superseded, CancellationToken cancellationToken)
    {
        var entities = superseded.Select(row => ToStored(kind, row)).OfType<TableEntity>().ToList();
        if (entities.Count == 0)
        {
            return;
        }

        var table = await tables.GetAsync(RegistryTables.History, cancellationToken).ConfigureAwait(false);
        foreach (var entity in entities)
        {
            TableLimits.ThrowIfInvalid("history", entity);
        }

        var actions = entities.Select(
            entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        await TableOperations.SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the history of one row, newest first: the entry the row carries and those in the table.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListAsync(
        RegistryKind kind, string officeCode, string key, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalidKeyPart("key", key);
        var rowTableName = kind switch
        {
            RegistryKind.Employers => StorageNames.Employers,
            RegistryKind.Officers => StorageNames.Officers,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "is not a defined RegistryKind"),
        };
        var rows = await tables.GetAsync(rowTableName, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(RegistryTables.History, cancellationToken).ConfigureAwait(false);

        // The row is read before the table. A write between the two reads moves the row's entry to the table before
        // it replaces the row, so the table read still finds that entry. Reading the table first could miss it.
        var row = await TableOperations.GetIfExistsAsync(rows, officeCode, key, cancellationToken).ConfigureAwait(false);
        var partition = Partition(kind, officeCode);
        var low = key + TableKeys.Separator;
        var high = key + (char)(TableKeys.Separator + 1);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey gt {low} and RowKey lt {high}");
        var entities = await TableOperations
            .QueryAllAsync(table, filter, tables.Storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        if (row is not null && ToStored(kind, row) is { } latest
            && !entities.Exists(entity => string.Equals(entity.RowKey, latest.RowKey, StringComparison.Ordinal)))
        {
            entities.Add(latest);
        }

        return entities
            .OrderBy(entity => entity.RowKey, StringComparer.Ordinal)
            .Select(entity => FromEntity(kind, officeCode, key, entity))
            .ToList();
    }

    private static string Partition(RegistryKind kind, string officeCode) =>
        TableKeys.Join(kind.ToString(), officeCode);

    /// <summary>
    /// Returns the history entity of the entry that a row carries, or null when the row carries none. Inverted
    /// ticks in the row key sort the newest first, and the change id keeps entries of the same tick apart.
    /// </summary>
    private static TableEntity? ToStored(RegistryKind kind, TableEntity row)
    {
        if (row.GetString(ChangeIdProperty) is not { Length: > 0 } id)
        {
            return null;
        }

        var changedAt = StoredValues.RequireDateTimeOffset(row, ChangedAtProperty);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - changedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new TableEntity(Partition(kind, row.PartitionKey), TableKeys.Join(row.RowKey, inverted + "-" + id))
        {
            ["ChangedAt"] = changedAt,
            ["Actor"] = StoredValues.RequireString(row, ChangedByProperty),
            ["Reason"] = StoredValues.RequireString(row, ChangeReasonProperty),
            ["Changes"] = row.GetString(CreatedFieldsProperty) is { } created
                ? JsonSerializer.Serialize(CreatedChanges(row, created), StoredChanges)
                : StoredValues.RequireString(row, ChangedFieldsProperty),
        };
    }

    /// <summary>The changes of a row's creation: each created property from none to the row's value.</summary>
    private static List<FieldChange> CreatedChanges(TableEntity row, string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => new FieldChange(EntityDiff.CamelCase(name), null, EntityDiff.Format(EntityDiff.ValueOf(row, name))))
            .Where(change => change.NewValue is not null)
            .ToList();

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
