using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Registry;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Registry;

[Collection(AzuriteCollection.Name)]
public sealed class DishonestImporterTests(AzuriteFixture azurite)
{
    private const string Header = "creditCode,employerName,legalRepresentative,facts,listedOn,listedUntil,department";

    [Fact]
    public async Task Import_ListedEmployer_GetsRiskFlag()
    {
        var tables = await CreateTablesWithEmployersAsync();

        var report = await ImportAsync(tables, Line(1, "2026-01-01", ""), Line(7, "2026-01-01", "2027-12-31"));

        var employers = await tables.Storage.Registry.ListEmployersAsync(Futian);
        Assert.Equal([DishonestEntry.RiskFlag], employers.Single(e => e.CreditCode == CreditCodeFor(1)).RiskFlags);
        Assert.Empty(employers.Single(e => e.CreditCode == CreditCodeFor(2)).RiskFlags);
        Assert.Equal((2L, 1L, 1L), (report.Stored, report.Flagged, report.NotRegistered));
    }

    [Fact]
    public async Task Import_Flag_RecordedInHistory()
    {
        var tables = await CreateTablesWithEmployersAsync();

        await ImportAsync(tables, Line(1, "2026-01-01", ""));

        var history = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal([new FieldChange("riskFlags", "[]", "[\"失信\"]")], history[0].Changes);
        Assert.Contains("市信用办", history[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameListTwice_AddsNoHistory()
    {
        var tables = await CreateTablesWithEmployersAsync();
        await ImportAsync(tables, Line(1, "2026-01-01", ""));

        var again = await ImportAsync(tables, Line(1, "2026-01-01", ""));

        var history = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal(0, again.Flagged);
        Assert.Equal(2, history.Count);
    }

    [Fact]
    public async Task Import_EndedListing_RemovesFlag()
    {
        var tables = await CreateTablesWithEmployersAsync();
        await ImportAsync(tables, Line(1, "2026-01-01", ""));

        var report = await ImportAsync(tables, Line(1, "2026-01-01", "2026-06-30"));

        var employer = (await tables.Storage.Registry.ListEmployersAsync(Futian)).Single(e => e.CreditCode == CreditCodeFor(1));
        Assert.Equal(1, report.Unflagged);
        Assert.Empty(employer.RiskFlags);
    }

    [Fact]
    public async Task Import_BadRows_ReportedAndSkipped()
    {
        var tables = await CreateTablesWithEmployersAsync();

        var report = await ImportAsync(
            tables, Line(1, "2026-01-01", "2025-01-01"), $"{WithBadCheck(CreditCodeFor(2))},某公司,张三,事实,2026-01-01,,市信用办");

        Assert.Equal([("listedUntil", 2L), ("creditCode", 3L)], report.Errors.Select(e => (e.Column, e.Row)));
        Assert.Empty(await new TableDishonestStore(tables).ListAsync());
    }

    [Fact]
    public async Task Export_Csv_RoundTripsThroughImport()
    {
        var tables = await CreateTablesWithEmployersAsync();
        await ImportAsync(tables, Line(1, "2026-01-01", ""), Line(2, "2026-02-01", "2028-01-31"));
        var entries = await new ExchangeExporter(tables).ListDishonestAsync();
        using var csv = new MemoryStream();
        ExchangeExporter.Write(csv, ExchangeFormat.Csv, entries);
        csv.Position = 0;
        var other = await CreateTablesWithEmployersAsync();

        await new DishonestImporter(other, new TableHistoryStore(other), Clock).ImportAsync(csv, TabularFormat.Csv, "cli:tester");

        Assert.Equal(entries, await new TableDishonestStore(other).ListAsync());
    }

    [Fact]
    public async Task Export_Json_KeepsChineseReadable()
    {
        var tables = await CreateTablesWithEmployersAsync();
        await ImportAsync(tables, Line(1, "2026-01-01", ""));
        using var json = new MemoryStream();

        ExchangeExporter.Write(json, ExchangeFormat.Json, await new ExchangeExporter(tables).ListDishonestAsync());

        var text = System.Text.Encoding.UTF8.GetString(json.ToArray());
        Assert.Contains("\"legalRepresentative\": \"李四\"", text, StringComparison.Ordinal);
        Assert.Contains("\"listedOn\": \"2026-01-01\"", text, StringComparison.Ordinal);
    }

    private static string Line(int number, string listedOn, string listedUntil) =>
        $"{CreditCodeFor(number)},深圳市{number}号电子有限公司,李四,拖欠劳动报酬,{listedOn},{listedUntil},市信用办";

    private static Task<DishonestImportReport> ImportAsync(RegistryTables tables, params string[] lines) =>
        new DishonestImporter(tables, new TableHistoryStore(tables), Clock)
            .ImportAsync(Stream(Csv(Header, lines)), TabularFormat.Csv, "cli:tester");

    private async Task<RegistryTables> CreateTablesWithEmployersAsync()
    {
        var tables = await CreateTablesAsync(azurite);
        await Importer(tables).ImportAsync(
            Serverless.Shared.Registry.RegistryKind.Employers, Stream(Csv(EmployerHeader, [EmployerLine(1), EmployerLine(2)])),
            TabularFormat.Csv, Request());
        return tables;
    }
}
