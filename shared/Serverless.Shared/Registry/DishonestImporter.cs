using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Imports another department's dishonest list: stores each valid entry and sets the risk flag
/// <see cref="DishonestEntry.RiskFlag"/> on a registered employer while its listing lasts, with history.
/// </summary>
/// <remarks>
/// NOTE: a flag is removed only when a later import carries the entry with an ended listing period. A period
/// that ends between imports leaves the flag in place.
/// </remarks>
public sealed class DishonestImporter
{
    /// <summary>Header that a dishonest list file must have, in this order.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["creditCode", "employerName", "legalRepresentative", "facts", "listedOn", "listedUntil", "department"];

    private static readonly string[] RiskFlagsProperty = [nameof(Employer.RiskFlags)];

    private readonly RegistryTables tables;
    private readonly TableDishonestStore store;
    private readonly RegistryChangeWriter writer;
    private readonly TimeProvider time;

    /// <summary>Creates an importer on the registry of <paramref name="tables"/>.</summary>
    public DishonestImporter(RegistryTables tables, TableHistoryStore history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        this.tables = tables;
        store = new TableDishonestStore(tables);
        writer = new RegistryChangeWriter(tables, history);
        this.time = time;
    }

    /// <summary>Imports a list from a seekable stream.</summary>
    /// <exception cref="ValidationException">The header does not match; nothing is written then.</exception>
    public async Task<DishonestImportReport> ImportAsync(
        Stream stream, TabularFormat format, string actor, System.Text.Encoding? encoding = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        using var reader = TabularReader.Open(stream, format, encoding);
        var found = reader.Header.Select(name => name.Trim()).ToList();
        if (!found.SequenceEqual(Header, StringComparer.Ordinal))
        {
            throw new ValidationException(
                "header", string.Join(',', found), $"does not match the expected '{string.Join(',', Header)}'");
        }

        var columns = Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var errors = new List<RowError>();
        var entries = new List<DishonestEntry>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        long rows = 0;
        long rejected = 0;
        foreach (var row in reader.ReadRows())
        {
            rows++;
            var cells = new CellReader(columns, row, errors.Add);
            var entry = Parse(cells);
            if (entry is not null && !seen.TryAdd(entry.CreditCode, row.Number))
            {
                cells.Reject("creditCode", entry.CreditCode, $"repeats row {seen[entry.CreditCode]} of the file");
            }

            if (!cells.IsValid)
            {
                rejected++;
                continue;
            }

            entries.Add(entry!);
        }

        // NOTE: the valid entries are held in memory; department lists are thousands of rows, not millions.
        await store.UpsertAsync(entries, cancellationToken).ConfigureAwait(false);
        var (flagged, unflagged, notRegistered) = await FlagAsync(entries, actor, cancellationToken).ConfigureAwait(false);
        return new DishonestImportReport(rows, entries.Count, flagged, unflagged, notRegistered, rejected, errors);
    }

    /// <summary>
    /// Returns a copy of <paramref name="stored"/> with the risk flag set or removed, or null when it already
    /// is as <paramref name="listed"/> requires.
    /// </summary>
    private static TableEntity? SetRiskFlag(TableEntity stored, bool listed)
    {
        var flags = StoredValues.ToList(stored, nameof(Employer.RiskFlags)).ToList();
        var changed = listed ? !flags.Contains(DishonestEntry.RiskFlag) : flags.Remove(DishonestEntry.RiskFlag);
        if (!changed)
        {
            return null;
        }

        if (listed)
        {
            flags.Add(DishonestEntry.RiskFlag);
        }

        return new TableEntity(stored) { [nameof(Employer.RiskFlags)] = StoredValues.FromList(flags) };
    }

    private static DishonestEntry? Parse(CellReader cells)
    {
        var creditCode = cells.Text("creditCode");
        if (CreditCode.Validate(creditCode) is { } reason)
        {
            cells.Reject("creditCode", CellReader.Shorten(creditCode), reason);
        }

        var name = cells.Required("employerName", FieldLimits.Name);
        var representative = cells.Required("legalRepresentative", FieldLimits.Name);
        var facts = cells.Required("facts", FieldLimits.ListCell);
        var listedOn = cells.Date("listedOn");
        DateOnly? listedUntil = cells.Text("listedUntil").Length == 0 ? null : cells.Date("listedUntil");
        if (listedUntil is { } until && until < listedOn && listedOn != default)
        {
            cells.Reject("listedUntil", cells.Text("listedUntil"), "is before listedOn");
        }

        var department = cells.Required("department", FieldLimits.Name);
        return cells.IsValid
            ? new DishonestEntry(creditCode, name, representative, facts, listedOn, listedUntil, department)
            : null;
    }

    private async Task<(long Flagged, long Unflagged, long NotRegistered)> FlagAsync(
        List<DishonestEntry> entries, string actor, CancellationToken cancellationToken)
    {
        var employers = await tables.GetAsync(StorageNames.Employers, cancellationToken).ConfigureAwait(false);
        using var index = await RegistryIndex
            .LoadAsync(employers, RiskFlagsProperty, tables.Storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        var now = time.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        long flagged = 0;
        long unflagged = 0;
        long notRegistered = 0;
        foreach (var entry in entries)
        {
            if (!index.TryGet(entry.CreditCode, out var officeCode, out _))
            {
                notRegistered++;
                continue;
            }

            var stored = await writer
                .ReadAsync(StorageNames.Employers, officeCode, entry.CreditCode, cancellationToken)
                .ConfigureAwait(false);
            if (stored is null)
            {
                notRegistered++;
                continue;
            }

            var listed = entry.IsListedOn(today);
            var updated = SetRiskFlag(stored, listed);
            if (updated is null)
            {
                continue;
            }

            var reason = listed
                ? $"listed as seriously dishonest by {entry.Department} from {entry.ListedOn:yyyy-MM-dd}"
                : $"dishonest listing by {entry.Department} ended on {entry.ListedUntil:yyyy-MM-dd}";
            // A row changed by another writer meanwhile gets the flag set or removed again on its new values.
            var change = new RegistryChange(updated, stored, current => SetRiskFlag(current, listed));
            var result = await writer.WriteAsync(
                RegistryKind.Employers, StorageNames.Employers, [change], actor, reason, now, cancellationToken)
                .ConfigureAwait(false);
            if (result.Written == 0)
            {
                continue;
            }

            if (listed)
            {
                flagged++;
            }
            else
            {
                unflagged++;
            }
        }

        return (flagged, unflagged, notRegistered);
    }
}
