using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Serverless.Shared.Domain;
using ValidationException = Serverless.Shared.Domain.ValidationException;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Exports draw results, inspection results and the dishonest list as CSV or JSON, limited to what the
/// requesting office may see: its own rows and those of the offices below it.
/// </summary>
public sealed class ExchangeExporter
{
    // Relaxed escaping keeps Chinese text readable; the files are data, never embedded in HTML.
    private static readonly RegistryJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    });

    private readonly RegistryTables tables;

    /// <summary>Creates an exporter on the registry and records of <paramref name="tables"/>.</summary>
    public ExchangeExporter(RegistryTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        this.tables = tables;
    }

    /// <summary>Returns the targets and teams of a draw's office records that the office may see.</summary>
    /// <exception cref="ValidationException">The office is unknown or the draw has no records.</exception>
    public async Task<IReadOnlyList<DrawResult>> ListDrawResultsAsync(
        string drawId, string officeCode, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalidKeyPart("drawId", drawId);
        var offices = await LoadOfficesAsync(cancellationToken).ConfigureAwait(false);
        offices.Get(officeCode, "office");
        var records = tables.Storage.Records;
        var paths = await records.ListAsync(DrawPaths.OfficeRecordPrefix(drawId), cancellationToken).ConfigureAwait(false);
        if (paths.Count == 0)
        {
            throw new ValidationException("drawId", drawId, "has no office records; check the draw id");
        }

        var results = new List<DrawResult>();
        foreach (var path in paths)
        {
            var data = await records.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                continue;
            }

            var record = RecordJson.Deserialize<OfficeDrawRecord>(data);
            if (!offices.IsSameOrBelow(record.OfficeCode, officeCode))
            {
                continue;
            }

            results.AddRange(record.Selected.Select(target => new DrawResult(
                record.DrawId, record.PlanId, record.OfficeCode, record.DrawnOn, record.Deadline, target.Selection,
                target.Stratum, target.CreditCode, target.Team.FirstOrDefault(m => m.IsLeader)?.OfficerId ?? "",
                target.Team.Select(member => member.OfficerId).ToList())));
        }

        return results;
    }

    /// <summary>Returns the inspection results of the office and every office below it.</summary>
    public async Task<IReadOnlyList<InspectionResult>> ListInspectionResultsAsync(
        string officeCode, CancellationToken cancellationToken = default)
    {
        var offices = await LoadOfficesAsync(cancellationToken).ConfigureAwait(false);
        offices.Get(officeCode, "office");
        var store = new TableInspectionResultStore(tables);
        var results = new List<InspectionResult>();
        foreach (var office in offices.Offices.Where(o => o.Inspects && offices.IsSameOrBelow(o.Code, officeCode))
            .OrderBy(o => o.Code, StringComparer.Ordinal))
        {
            results.AddRange(await store.ListAsync(office.Code, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Returns the dishonest list, which every office may see.</summary>
    public Task<IReadOnlyList<DishonestEntry>> ListDishonestAsync(CancellationToken cancellationToken = default) =>
        new TableDishonestStore(tables).ListAsync(cancellationToken);

    /// <summary>Writes draw results in the given format.</summary>
    public static void Write(Stream output, ExchangeFormat format, IReadOnlyList<DrawResult> results) =>
        Write(output, format, results, Json.IReadOnlyListDrawResult,
            ["drawId", "planId", "officeCode", "drawnOn", "deadline", "selection", "stratum", "creditCode", "leaderId",
                "memberIds"],
            r => [r.DrawId, r.PlanId, r.OfficeCode, Date(r.DrawnOn), Date(r.Deadline), Number(r.Selection), r.Stratum,
                r.CreditCode, r.LeaderId, string.Join(CellReader.ListSeparator, r.MemberIds)]);

    /// <summary>Writes inspection results in the given format.</summary>
    public static void Write(Stream output, ExchangeFormat format, IReadOnlyList<InspectionResult> results) =>
        Write(output, format, results, Json.IReadOnlyListInspectionResult,
            ["drawId", "officeCode", "creditCode", "employerName", "inspectedOn", "outcome", "findings"],
            r => [r.DrawId, r.OfficeCode, r.CreditCode, r.EmployerName, Date(r.InspectedOn), r.Outcome.ToString(),
                r.Findings]);

    /// <summary>Writes the dishonest list in the given format, with the columns a dishonest list import reads.</summary>
    public static void Write(Stream output, ExchangeFormat format, IReadOnlyList<DishonestEntry> entries) =>
        Write(output, format, entries, Json.IReadOnlyListDishonestEntry, DishonestImporter.Header,
            e => [e.CreditCode, e.EmployerName, e.LegalRepresentative, e.Facts, Date(e.ListedOn),
                e.ListedUntil is { } until ? Date(until) : "", e.Department]);

    private static void Write<T>(
        Stream output, ExchangeFormat format, IReadOnlyList<T> rows,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<IReadOnlyList<T>> jsonType,
        IReadOnlyList<string> header, Func<T, string[]> toCells)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == ExchangeFormat.Json)
        {
            JsonSerializer.Serialize(output, rows, jsonType);
            return;
        }

        using var writer = new StreamWriter(output, TextEncodings.Utf8, bufferSize: 1 << 16, leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in toCells(row))
            {
                csv.WriteField(cell);
            }

            csv.NextRecord();
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<OfficeTree> LoadOfficesAsync(CancellationToken cancellationToken) =>
        new(await tables.Storage.Registry.ListOfficesAsync(cancellationToken).ConfigureAwait(false));
}
