using System.Text;
using MiniExcelLibs;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Registry;

[Collection(AzuriteCollection.Name)]
public sealed class RegistryImporterTests(AzuriteFixture azurite)
{
    /// <summary>
    /// Rows 2 and 3 are valid. Row 4 has a bad check character, row 5 an office outside Futian, row 6 repeats
    /// row 2, and row 7 is already registered in Futian's neighbour Nanshan.
    /// </summary>
    private static string MixedEmployers() => Csv(EmployerHeader,
    [
        EmployerLine(1),
        EmployerLine(2),
        EmployerLine(3, creditCode: WithBadCheck(CreditCodeFor(3))),
        EmployerLine(4, office: Nanshan),
        EmployerLine(1),
        EmployerLine(5, creditCode: CreditCodeFor(5, Nanshan)),
    ]);

    /// <summary>
    /// Rows 2 and 7 are valid. Row 3 has an expired certificate, row 4 a conflict credit code with a bad check
    /// character, row 5 an office outside Futian, and row 6 repeats row 2.
    /// </summary>
    private static string MixedOfficers() => Csv(OfficerHeader,
    [
        OfficerLine("GD-0001"),
        OfficerLine("GD-0002", expiry: "2026-12-03"),
        OfficerLine("GD-0003", conflicts: WithBadCheck(CreditCodeFor(9))),
        OfficerLine("GD-0004", office: Nanshan),
        OfficerLine("GD-0001"),
        OfficerLine("GD-0005"),
    ]);

    [Fact]
    public async Task Import_MixedFile_WritesOnlyValidRows()
    {
        var tables = await CreateTablesWithNanshanEmployerAsync();

        var report = await ImportCsvAsync(tables, MixedEmployers());

        var stored = await tables.Storage.Registry.ListEmployersAsync(Futian);
        Assert.Equal([CreditCodeFor(1), CreditCodeFor(2)], stored.Select(employer => employer.CreditCode));
        Assert.Equal(2, report.Created);
        Assert.Equal(4, report.Rejected);
    }

    [Fact]
    public async Task Import_MixedFile_ReportsEachBadRow()
    {
        var tables = await CreateTablesWithNanshanEmployerAsync();

        var report = await ImportCsvAsync(tables, MixedEmployers());

        Assert.Equal([4L, 5, 6, 7], report.Errors.Select(error => error.Row));
        Assert.Contains("check character", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Equal(("officeCode", Nanshan), (report.Errors[1].Column, report.Errors[1].Value));
        Assert.Contains("outside the jurisdiction", report.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Equal("repeats row 2 of the file", report.Errors[2].Reason);
        Assert.Contains("registered under office 440305", report.Errors[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameFileTwice_ChangesNothing()
    {
        var tables = await CreateTablesWithNanshanEmployerAsync();
        await ImportCsvAsync(tables, MixedEmployers());
        var history = new TableHistoryStore(tables);
        var before = await history.ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));

        var again = await ImportCsvAsync(tables, MixedEmployers());

        var after = await history.ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal((0L, 0L, 2L), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before.Select(entry => entry.ChangedAt), after.Select(entry => entry.ChangedAt));
    }

    [Fact]
    public async Task Import_ChangedRow_RecordsFieldHistory()
    {
        var tables = await CreateTablesAsync(azurite);
        await ImportCsvAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var moved = EmployerLine(1).Replace("Active", "Deregistered", StringComparison.Ordinal);

        var report = await ImportCsvAsync(tables, Csv(EmployerHeader, [moved]), "deregistered.csv");

        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal(1, report.Updated);
        Assert.Equal(2, entries.Count);
        Assert.Equal("deregistered.csv", entries[0].Reason);
        Assert.Equal("cli:tester", entries[0].Actor);
        Assert.Equal([new FieldChange("status", "Active", "Deregistered")], entries[0].Changes);
    }

    [Fact]
    public async Task Import_ChangedRow_KeepsSystemFields()
    {
        var tables = await CreateTablesAsync(azurite);
        await ImportCsvAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var registry = tables.Storage.Registry;
        var employer = (await registry.ListEmployersAsync(Futian))[0];
        await registry.UpsertEmployersAsync([employer with { RiskFlags = ["失信"], LastInspectedOn = new(2026, 3, 1) }]);

        await ImportCsvAsync(tables, Csv(EmployerHeader, [EmployerLine(1).Replace(",C,", ",F,", StringComparison.Ordinal)]));

        var stored = (await registry.ListEmployersAsync(Futian))[0];
        Assert.Equal("F", stored.Industry);
        Assert.Equal(["失信"], stored.RiskFlags);
        Assert.Equal(new DateOnly(2026, 3, 1), stored.LastInspectedOn);
    }

    [Fact]
    public async Task Import_HeaderMismatch_WritesNothing()
    {
        var tables = await CreateTablesAsync(azurite);
        var text = Csv(EmployerHeader.Replace("name", "employerName", StringComparison.Ordinal), [EmployerLine(1)]);

        var exception = await Assert.ThrowsAsync<ValidationException>(() => ImportCsvAsync(tables, text));

        Assert.Equal("header", exception.Field);
        Assert.Empty(await tables.Storage.Registry.ListEmployersAsync(Futian));
    }

    [Fact]
    public async Task Import_UnknownOffice_Rejected()
    {
        var tables = await CreateTablesAsync(azurite);

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => ImportCsvAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]), office: "449999"));

        Assert.Equal("office", exception.Field);
    }

    [Fact]
    public async Task Import_CityOffice_WritesItsCounties()
    {
        var tables = await CreateTablesAsync(azurite);

        var report = await ImportCsvAsync(
            tables, Csv(EmployerHeader, [EmployerLine(1), EmployerLine(2, office: Nanshan)]), office: Shenzhen);

        Assert.Equal(2, report.Created);
        Assert.Single(await tables.Storage.Registry.ListEmployersAsync(Nanshan));
    }

    [Fact]
    public async Task Import_EmptyOfficeColumn_TakesCreditCodeDivision()
    {
        var tables = await CreateTablesAsync(azurite);
        var line = EmployerLine(1, office: Nanshan).Replace($",{Nanshan},", ",,", StringComparison.Ordinal);

        await ImportCsvAsync(tables, Csv(EmployerHeader, [line]), office: Shenzhen);

        Assert.Equal(CreditCodeFor(1, Nanshan), (await tables.Storage.Registry.ListEmployersAsync(Nanshan))[0].CreditCode);
    }

    [Fact]
    public async Task Import_Gb18030File_StoresSameRowsAsUtf8()
    {
        var utf8 = await CreateTablesAsync(azurite);
        var gb = await CreateTablesAsync(azurite);
        var text = Csv(EmployerHeader, Enumerable.Range(1, 30).Select(number => EmployerLine(number)));

        await ImportCsvAsync(utf8, text);
        await Importer(gb).ImportAsync(
            RegistryKind.Employers, Stream(text, TextEncodings.Gb18030), TabularFormat.Csv, Request());

        Assert.Equal(
            await utf8.Storage.Registry.ListEmployersAsync(Futian), await gb.Storage.Registry.ListEmployersAsync(Futian));
    }

    [Fact]
    public async Task Import_XlsxFile_StoresSameRowsAsUtf8()
    {
        var csv = await CreateTablesAsync(azurite);
        var xlsx = await CreateTablesAsync(azurite);
        var lines = Enumerable.Range(1, 30).Select(number => EmployerLine(number)).ToList();
        await ImportCsvAsync(csv, Csv(EmployerHeader, lines));
        var header = EmployerHeader.Split(',');
        var rows = lines.Select(line => header.Zip(line.Split(','))
            .ToDictionary(cell => cell.First, cell => (object)(cell.First == "headcount" ? int.Parse(cell.Second,
                System.Globalization.CultureInfo.InvariantCulture) : cell.Second)));
        using var workbook = new MemoryStream();
        await workbook.SaveAsAsync(rows, printHeader: true, excelType: ExcelType.XLSX);
        workbook.Position = 0;

        var report = await Importer(xlsx).ImportAsync(RegistryKind.Employers, workbook, TabularFormat.Xlsx, Request());

        Assert.Empty(report.Errors);
        Assert.Equal(
            await csv.Storage.Registry.ListEmployersAsync(Futian), await xlsx.Storage.Registry.ListEmployersAsync(Futian));
    }

    [Fact]
    public async Task ImportOfficers_MixedFile_ReportsEachBadRow()
    {
        var tables = await CreateTablesAsync(azurite);

        var report = await Importer(tables).ImportAsync(
            RegistryKind.Officers, Stream(MixedOfficers()), TabularFormat.Csv, Request(reason: "officers.csv"));

        var stored = await tables.Storage.Registry.ListOfficersAsync(Futian);
        Assert.Equal(["GD-0001", "GD-0005"], stored.Select(officer => officer.OfficerId));
        Assert.Equal((2L, 4L, 4L), (report.Created, report.Rejected, report.ErrorCount));
        Assert.Equal(
            [(3L, "certificateExpiry"), (4, "conflicts"), (5, "officeCode"), (6, "officerId")],
            report.Errors.Select(error => (error.Row, error.Column)));
        Assert.Contains("has passed", report.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("check character", report.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("outside the jurisdiction", report.Errors[2].Reason, StringComparison.Ordinal);
        Assert.Equal("repeats row 2 of the file", report.Errors[3].Reason);
    }

    [Fact]
    public async Task ImportOfficers_MixedFileTwice_ChangesNothing()
    {
        var tables = await CreateTablesAsync(azurite);
        var history = new TableHistoryStore(tables);
        await Importer(tables).ImportAsync(RegistryKind.Officers, Stream(MixedOfficers()), TabularFormat.Csv, Request());
        var storedBefore = await OfficerRowsAsync(tables);
        var historyBefore = await history.ListAsync(RegistryKind.Officers, Futian, "GD-0005");

        var again = await Importer(tables).ImportAsync(
            RegistryKind.Officers, Stream(MixedOfficers()), TabularFormat.Csv, Request());

        Assert.Equal((0L, 0L, 2L, 4L), (again.Created, again.Updated, again.Unchanged, again.Rejected));
        Assert.Equal(storedBefore, await OfficerRowsAsync(tables));
        Assert.Equal(
            historyBefore.Select(entry => entry.ChangedAt),
            (await history.ListAsync(RegistryKind.Officers, Futian, "GD-0005")).Select(entry => entry.ChangedAt));
        Assert.Empty(await tables.Storage.Registry.ListOfficersAsync(Nanshan));
    }

    [Fact]
    public async Task Import_ManyErrors_CsvListsEveryError()
    {
        var tables = await CreateTablesAsync(azurite);
        var count = RegistryImporter.MaxListedErrors + 100;
        var text = Csv(EmployerHeader, Enumerable.Repeat(EmployerLine(1), count + 1));
        using var errorCsv = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        var report = await Importer(tables).ImportAsync(
            RegistryKind.Employers, Stream(text), TabularFormat.Csv, Request(), errorCsv: errorCsv);

        var lines = errorCsv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, report.Created);
        Assert.Equal(count, report.ErrorCount);
        Assert.Equal(RegistryImporter.MaxListedErrors, report.Errors.Count);
        Assert.Equal(count + 1, lines.Length);
        Assert.Equal("row,column,value,reason", lines[0]);
        Assert.StartsWith($"{count + 2},creditCode,{CreditCodeFor(1)},repeats row 2", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportOfficers_SameFileTwice_ChangesNothing()
    {
        var tables = await CreateTablesAsync(azurite);
        var text = Csv(OfficerHeader, [OfficerLine("GD-0001"), OfficerLine("GD-0002")]);
        await Importer(tables).ImportAsync(RegistryKind.Officers, Stream(text), TabularFormat.Csv, Request());

        var again = await Importer(tables).ImportAsync(RegistryKind.Officers, Stream(text), TabularFormat.Csv, Request());

        Assert.Equal((0L, 0L, 2L), (again.Created, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task Import_ManyRows_WritesEveryRow()
    {
        var tables = await CreateTablesAsync(azurite);
        var text = Csv(EmployerHeader, Enumerable.Range(1, 1_234).Select(number => EmployerLine(number)));

        var report = await ImportCsvAsync(tables, text);

        Assert.Equal(1_234, report.Created);
        Assert.Equal(1_234, (await tables.Storage.Registry.ListEmployersAsync(Futian)).Count);
    }

    private static async Task<List<string>> OfficerRowsAsync(RegistryTables tables) =>
        (await tables.Storage.Registry.ListOfficersAsync(Futian))
            .Select(officer => $"{officer.OfficerId} {officer.Name} {officer.CertificateExpiry:yyyy-MM-dd} {officer.Status}")
            .ToList();

    private async Task<RegistryTables> CreateTablesWithNanshanEmployerAsync()
    {
        var tables = await CreateTablesAsync(azurite);
        await ImportCsvAsync(tables, Csv(EmployerHeader, [EmployerLine(5, office: Nanshan)]), office: Nanshan);
        return tables;
    }

    private static Task<ImportReport> ImportCsvAsync(
        RegistryTables tables, string text, string reason = "employers.csv", string office = Futian) =>
        Importer(tables).ImportAsync(
            RegistryKind.Employers, Stream(text, new UTF8Encoding(false)), TabularFormat.Csv, Request(office, reason));
}
