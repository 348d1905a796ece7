using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Integration.Tests.Draws;

/// <summary>The self-host's <c>GET /api/draws/{drawId}</c> on a real Kestrel port.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DrawStatusRouteTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Slot = new(2027, 4, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetDraw_UnknownThenCompleted_Returns404ThenSummary()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "Route", $"http://127.0.0.1:{port}");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 20), DrawTestData.Plan("route", ["11 22 33"]));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var drawId = DrawPaths.DrawId("route", Slot);

        using var missing = await http.GetAsync(new Uri($"/api/draws/{drawId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        await harness.Scheduler.StartOnceAsync(harness.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest("route", Slot), CancellationToken.None);
        var summary = await harness.WaitForSummaryAsync(drawId);
        using var found = await http.GetAsync(new Uri($"/api/draws/{drawId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        using var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        Assert.Equal("Completed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(summary.Targets, body.RootElement.GetProperty("summary").GetProperty("targets").GetInt32());
        Assert.Equal("completed", body.RootElement.GetProperty("progress").GetProperty("stage").GetString());
    }
}
