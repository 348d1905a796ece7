using System.Text;
using Azure.Data.Tables;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Registry;

/// <summary>
/// Where history entries are stored: each row carries its latest entry, earlier ones are in the history table,
/// and the listing merges both, each entry once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HistoryStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Import_NewRows_WritesNoHistoryEntity()
    {
        var tables = await CreateTablesAsync(azurite);

        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1), EmployerLine(2), EmployerLine(3)]));

        Assert.Empty(await ReadHistoryTableAsync(tables));
        var entry = Assert.Single(await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(2)));
        Assert.Equal("cli:tester", entry.Actor);
        Assert.Equal("employers.csv", entry.Reason);
        Assert.All(entry.Changes, change => Assert.Null(change.OldValue));
        Assert.Equal(
            ["address", "headcount", "industry", "name", "riskFlags", "source", "status", "targetType"],
            entry.Changes.Select(change => change.Field));
        Assert.Equal("12", entry.Changes.Single(change => change.Field == "headcount").NewValue);
    }

    [Fact]
    public async Task Import_ChangedRow_MovesEarlierEntryToTable()
    {
        var tables = await CreateTablesAsync(azurite);
        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var created = Assert.Single(await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1)));

        await ImportAsync(
            tables, Csv(EmployerHeader, [EmployerLine(1).Replace(",C,", ",F,", StringComparison.Ordinal)]), "industry.csv");

        var stored = Assert.Single(await ReadHistoryTableAsync(tables));
        Assert.Equal($"Employers|{Futian}", stored.PartitionKey);
        Assert.StartsWith(CreditCodeFor(1) + "|", stored.RowKey, StringComparison.Ordinal);
        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal(["industry.csv", "employers.csv"], entries.Select(entry => entry.Reason));
        Assert.Equal([new FieldChange("industry", "C", "F")], entries[0].Changes);
        Assert.Equal(created.Changes, entries[1].Changes);
        Assert.Equal(created.ChangedAt, entries[1].ChangedAt);
    }

    [Fact]
    public async Task List_EntryMovedTwice_ListsOnce()
    {
        // A writer that moved the row's entry and then stopped, or lost its write, and a repeated activity that
        // moved it again, leave two copies of one entry: in the table and on the unchanged row.
        var tables = await CreateTablesAsync(azurite);
        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var history = new TableHistoryStore(tables);
        var row = await (await tables.GetAsync(StorageNames.Employers, CancellationToken.None))
            .GetEntityAsync<TableEntity>(Futian, CreditCodeFor(1));

        await history.MoveLatestAsync(RegistryKind.Employers, [row.Value], CancellationToken.None);
        await history.MoveLatestAsync(RegistryKind.Employers, [row.Value], CancellationToken.None);

        Assert.Single(await ReadHistoryTableAsync(tables));
        var entry = Assert.Single(await history.ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1)));
        Assert.Equal("employers.csv", entry.Reason);
    }

    [Fact]
    public async Task List_OlderTableEntries_ListedAfterNewer()
    {
        // Rows written before entries were carried on rows have all of their entries, creation included, in the
        // table under a random suffix, and no entry on the row.
        var tables = await CreateTablesAsync(azurite);
        var registry = tables.Storage.Registry;
        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var employer = Assert.Single(await registry.ListEmployersAsync(Futian));
        await registry.UpsertEmployersAsync([employer]);
        var historyTable = await tables.GetAsync(RegistryTables.History, CancellationToken.None);
        var earlier = Now.AddDays(-30);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - earlier.UtcTicks;
        await historyTable.AddEntityAsync(new TableEntity($"Employers|{Futian}", $"{CreditCodeFor(1)}|{inverted:D19}-0123456789ab")
        {
            ["ChangedAt"] = earlier,
            ["Actor"] = "cli:earlier",
            ["Reason"] = "earlier.csv",
            ["Changes"] = """[{"field":"status","oldValue":null,"newValue":"Active"}]""",
        });

        await new RegistryStatusService(tables, new TableHistoryStore(tables), Clock).SetStatusAsync(
            RegistryKind.Employers, Futian, CreditCodeFor(1), "Deregistered", "cli:tester", "注销");

        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(1));
        Assert.Equal(["注销", "earlier.csv"], entries.Select(entry => entry.Reason));
        Assert.Equal([new FieldChange("status", "Active", "Deregistered")], entries[0].Changes);
        Assert.Single(await ReadHistoryTableAsync(tables));
    }

    [Fact]
    public async Task List_CreatedInspectionDate_KeptAfterDraw()
    {
        // Draws set the date of the last inspection without a history entry, so a creation that set that date
        // keeps its values in the entry instead of reading them from the row.
        var tables = await CreateTablesAsync(azurite);
        var registry = tables.Storage.Registry;
        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));
        var employer = Assert.Single(await registry.ListEmployersAsync(Futian));
        var created = RegistryEntities.FromEmployer(
            "employer", employer with { CreditCode = CreditCodeFor(2), LastInspectedOn = new DateOnly(2026, 3, 1) });
        await new RegistryChangeWriter(tables, new TableHistoryStore(tables)).WriteAsync(
            RegistryKind.Employers, StorageNames.Employers, [new RegistryChange(created, null)], "cli:tester",
            "declaration", Now, CancellationToken.None);
        await registry.SetLastInspectedAsync(Futian, [CreditCodeFor(2)], new DateOnly(2026, 11, 20));

        await new RegistryStatusService(tables, new TableHistoryStore(tables), Clock).SetStatusAsync(
            RegistryKind.Employers, Futian, CreditCodeFor(2), "Deregistered", "cli:tester", "注销");

        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Employers, Futian, CreditCodeFor(2));
        Assert.Equal(["注销", "declaration"], entries.Select(entry => entry.Reason));
        Assert.Equal(
            new FieldChange("lastInspectedOn", null, "2026-03-01"),
            entries[1].Changes.Single(change => change.Field == "lastInspectedOn"));
        Assert.Equal(new DateOnly(2026, 11, 20), (await registry.ListEmployersAsync(Futian))[1].LastInspectedOn);
    }

    [Fact]
    public async Task ListEmployers_RowWithEntry_ReadsFields()
    {
        var tables = await CreateTablesAsync(azurite);
        await ImportAsync(tables, Csv(EmployerHeader, [EmployerLine(1)]));

        var employer = Assert.Single(await tables.Storage.Registry.ListEmployersAsync(Futian));

        Assert.Equal(CreditCodeFor(1), employer.CreditCode);
        Assert.Equal(Futian, employer.OfficeCode);
        Assert.Equal(11, employer.Headcount);
    }

    private static async Task<List<TableEntity>> ReadHistoryTableAsync(RegistryTables tables)
    {
        var table = await tables.GetAsync(RegistryTables.History, CancellationToken.None);
        var entities = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync<TableEntity>())
        {
            entities.Add(entity);
        }

        return entities;
    }

    private static Task<ImportReport> ImportAsync(RegistryTables tables, string text, string reason = "employers.csv") =>
        Importer(tables).ImportAsync(
            RegistryKind.Employers, Stream(text, new UTF8Encoding(false)), TabularFormat.Csv, Request(Futian, reason));
}
