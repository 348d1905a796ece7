using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Integration.Tests.Registry;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Xunit.Abstractions;
using static Serverless.Integration.Tests.Registry.RegistrySamples;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Two writers change one officer at once on Azurite. The first writer is held by <see cref="HeldClock"/> between
/// its read and its write, so the second always writes first and the first always meets a changed ETag.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrentWriterTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string OfficerId = "GD-0001";
    private const string NewEmail = "gd-0001.new@hrss.example";

    [Fact]
    public async Task StatusChange_ImportWritesFirst_KeepsBothChanges()
    {
        var tables = await CreateTablesWithOfficerAsync();
        using var clock = new HeldClock(Now.AddHours(1));

        var held = StartHeldStatusChangeAsync(tables, clock, "Suspended");
        await clock.Reached;
        var report = await Importer(tables).ImportAsync(
            RegistryKind.Officers, Stream(Csv(OfficerHeader, [WithNewEmail(OfficerLine(OfficerId))])),
            TabularFormat.Csv, Request(reason: "officers-email.csv"));
        clock.Release();
        var changed = await held;

        var officer = (await tables.Storage.Registry.ListOfficersAsync(Futian)).Single();
        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Officers, Futian, OfficerId);
        Assert.Equal(1, report.Updated);
        Assert.True(changed);
        Assert.Equal(OfficerStatus.Suspended, officer.Status);
        Assert.Equal(NewEmail, officer.Email);
        Assert.Equal(3, entries.Count);
        Assert.Equal([new FieldChange("status", "Active", "Suspended")], entries[0].Changes);
        Assert.Equal(["email"], entries[1].Changes.Select(change => change.Field));
        output.WriteLine("faults injected 1 (write held after its read); 2 writers; history entries 3; rows lost 0");
    }

    [Fact]
    public async Task StatusChanges_DifferentValues_SecondReportsConflict()
    {
        var tables = await CreateTablesWithOfficerAsync();
        using var clock = new HeldClock(Now.AddHours(1));

        var held = StartHeldStatusChangeAsync(tables, clock, "Suspended");
        await clock.Reached;
        var first = await StatusService(tables, Clock).SetStatusAsync(
            RegistryKind.Officers, Futian, OfficerId, "Retired", "cli:second", "退休");
        clock.Release();
        var conflict = await Assert.ThrowsAsync<RegistryConflictException>(() => held);

        var officer = (await tables.Storage.Registry.ListOfficersAsync(Futian)).Single();
        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Officers, Futian, OfficerId);
        Assert.True(first);
        Assert.Equal("status", conflict.Conflict.Field);
        Assert.Equal((Futian, OfficerId), (conflict.Conflict.OfficeCode, conflict.Conflict.Key));
        Assert.Contains($"{Futian}/{OfficerId}", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(OfficerStatus.Retired, officer.Status);
        Assert.Equal(2, entries.Count);
        Assert.Equal([new FieldChange("status", "Active", "Retired")], entries[0].Changes);
        output.WriteLine(
            "faults injected 1; 2 writers; 1 applied, 1 conflict reported; history entries 2; rows lost 0");
    }

    [Fact]
    public async Task StatusChanges_SameValue_RecordedOnce()
    {
        var tables = await CreateTablesWithOfficerAsync();
        using var clock = new HeldClock(Now.AddHours(1));

        var held = StartHeldStatusChangeAsync(tables, clock, "Retired");
        await clock.Reached;
        var first = await StatusService(tables, Clock).SetStatusAsync(
            RegistryKind.Officers, Futian, OfficerId, "Retired", "cli:second", "退休");
        clock.Release();
        var second = await held;

        var entries = await new TableHistoryStore(tables).ListAsync(RegistryKind.Officers, Futian, OfficerId);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(2, entries.Count);
        Assert.Equal([new FieldChange("status", "Active", "Retired")], entries[0].Changes);
    }

    [Fact]
    public async Task StatusRoute_ConflictingWriter_Returns409NamingRow()
    {
        var tables = await CreateTablesWithOfficerAsync();
        using var clock = new HeldClock(Now.AddHours(1));
        await using var app = await RegistryApp.StartAsync(tables, clock);
        var path = $"/api/registry/officers/{Futian}/{OfficerId}/status";

        clock.HoldNextReading();
        var held = PostStatusAsync(app, path, "Suspended");
        await clock.Reached;
        await StatusService(tables, Clock).SetStatusAsync(
            RegistryKind.Officers, Futian, OfficerId, "Retired", "cli:second", "退休");
        clock.Release();
        using var response = await held;

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var officer = (await tables.Storage.Registry.ListOfficersAsync(Futian)).Single();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(OfficerId, problem.GetProperty("key").GetString());
        Assert.Equal(Futian, problem.GetProperty("office").GetString());
        Assert.Equal("status", problem.GetProperty("field").GetString());
        Assert.Equal(OfficerStatus.Retired, officer.Status);
    }

    [Fact]
    public async Task Imports_SameNewRowsAtOnce_CreatedOnce()
    {
        var tables = await CreateTablesAsync(azurite);
        var ids = Enumerable.Range(1, 50).Select(i => $"GD-{i:D4}").ToList();
        var text = Csv(OfficerHeader, ids.Select(id => OfficerLine(id)));

        var reports = await Task.WhenAll(
            Task.Run(() => Importer(tables).ImportAsync(
                RegistryKind.Officers, Stream(text), TabularFormat.Csv, Request(reason: "first.csv"))),
            Task.Run(() => Importer(tables).ImportAsync(
                RegistryKind.Officers, Stream(text), TabularFormat.Csv, Request(reason: "second.csv"))));

        var history = new TableHistoryStore(tables);
        var officers = await tables.Storage.Registry.ListOfficersAsync(Futian);
        var entryCounts = new List<int>();
        foreach (var id in ids)
        {
            entryCounts.Add((await history.ListAsync(RegistryKind.Officers, Futian, id)).Count);
        }

        Assert.Equal(ids, officers.Select(officer => officer.OfficerId));
        Assert.All(entryCounts, count => Assert.Equal(1, count));
        Assert.Equal(50, reports.Sum(report => report.Created));
        Assert.Equal(50, reports.Sum(report => report.Unchanged));
        Assert.All(reports, report => Assert.Equal(0, report.Rejected));
        output.WriteLine(
            $"2 imports of 50 new rows at once: created {reports[0].Created} + {reports[1].Created}, " +
            $"history entries {entryCounts.Sum()}; rows lost 0");
    }

    private async Task<RegistryTables> CreateTablesWithOfficerAsync()
    {
        var tables = await CreateTablesAsync(azurite);
        await Importer(tables).ImportAsync(
            RegistryKind.Officers, Stream(Csv(OfficerHeader, [OfficerLine(OfficerId)])), TabularFormat.Csv, Request());
        return tables;
    }

    private static RegistryStatusService StatusService(RegistryTables tables, TimeProvider time) =>
        new(tables, new TableHistoryStore(tables), time);

    /// <summary>Starts a status change that reads the row and then waits in <paramref name="clock"/>.</summary>
    private static Task<bool> StartHeldStatusChangeAsync(RegistryTables tables, HeldClock clock, string status)
    {
        clock.HoldNextReading();
        return Task.Run(() => StatusService(tables, clock).SetStatusAsync(
            RegistryKind.Officers, Futian, OfficerId, status, "cli:first", "first writer"));
    }

    private static string WithNewEmail(string line) =>
        line.Replace("gd-0001@hrss.example", NewEmail, StringComparison.Ordinal);

    private static Task<HttpResponseMessage> PostStatusAsync(RegistryApp app, string path, string status)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = JsonContent.Create(new { status, reason = "first writer" }),
        };
        request.Headers.Add(TestCallerResolver.Header, Futian);
        return Task.Run(() => app.Client.SendAsync(request));
    }
}
