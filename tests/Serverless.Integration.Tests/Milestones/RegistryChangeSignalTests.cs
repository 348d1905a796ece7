using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Integration.Tests.Milestones;

/// <summary>
/// An officer import over HTTP raises the data-changed event on the waiting roster milestone of the county, on
/// Azurite and the real durable engine, so the milestone ends without waiting for its next weekly escalation.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegistryChangeSignalTests(AzuriteFixture azurite)
{
    private const string Header =
        "officerId,officeCode,name,certificateNumber,certificateExpiry,status,qualifications,email,conflicts";

    [Fact]
    public async Task OfficerImport_MeetsRoster_EndsInstance()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "Signal", $"http://127.0.0.1:{port}");
        var data = DrawTestData.Create(employersPerOffice: 1, officersPerOffice: 0);
        await harness.Runtime.Storage.Registry.UpsertOfficesAsync(data.Offices);
        var set = GuangdongMilestones.Default;
        await harness.Runtime.Services.GetRequiredService<MilestoneSetStore>().TryAddAsync(set);
        var id = await harness.Runtime.Services.GetRequiredService<MilestoneInstances>().StartAsync(
            harness.Client, set, set.Get("roster"), DrawTestData.Luohu, null, MilestoneClock.RealTime);
        using (var started = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await harness.Client.WaitForInstanceStartAsync(id!, started.Token);
        }

        var (_, key) = await harness.Runtime.Services.GetRequiredService<ApiKeyStore>()
            .CreateAsync(DrawTestData.Luohu, "manager");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var request = new HttpRequestMessage(
            HttpMethod.Post, new Uri($"/api/registry/officers/import?office={DrawTestData.Luohu}", UriKind.Relative))
        {
            Content = new StringContent(OfficerFile(DrawTestData.Luohu, 6), Encoding.UTF8, "text/csv"),
        };
        request.Headers.Add(ApiKeyCallerResolver.Header, key);
        using var response = await http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var ended = await harness.WaitAsync(id!, TimeSpan.FromMinutes(2));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal(MilestoneOutcome.Met, ended.ReadOutputAs<MilestoneResult>()!.Outcome);
    }

    private static string OfficerFile(string office, int count)
    {
        var file = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"GD-{office}-{i:0000}");
            file.Append(CultureInfo.InvariantCulture,
                $"{id},{office},测试官{i},粤执法{office}{i:00000},2030-12-31,Active,LS-01,{id.ToLowerInvariant()}@officers.example,\n");
        }

        return file.ToString();
    }
}
