using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Integration.Tests.Milestones;

/// <summary>
/// The roster milestone of the default set for one county with too few officers, on Azurite and the real durable
/// engine, with plan time running one day per second and the runtime restarted during a 23-day timer.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MilestoneReminderTests(AzuriteFixture azurite)
{
    // Plan time starts on 2016-09-25, so every reminder of the roster milestone lies ahead.
    private static readonly MilestoneClock Clock = new(new DateTimeOffset(2016, 9, 25, 0, 0, 0, TimeSpan.FromHours(8)), 86_400);

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task RosterShort_RemindsEscalatesUntilMet()
    {
        var data = DrawTestData.Create(employersPerOffice: 1, officersPerOffice: 0);
        var set = GuangdongMilestones.Default;
        var roster = set.Get("roster");
        await using var smtp = await SmtpSink.StartAsync();
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, "Mile", smtp.Port);
        var instanceId = MilestoneInstances.InstanceId(set.SetId, set.Version, roster.MilestoneId, DrawTestData.Luohu);

        var first = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, CancellationToken.None);
        await first.Storage.Registry.UpsertOfficesAsync(data.Offices);
        await first.Storage.Registry.UpsertOfficersAsync(MilestoneTestData.Officers(DrawTestData.Luohu, 2, 12));
        await first.Services.GetRequiredService<MilestoneSetStore>().TryAddAsync(set);
        var started = await first.Services.GetRequiredService<MilestoneInstances>().StartAsync(
            first.Client, set, roster, DrawTestData.Luohu, null, Clock);
        Assert.Equal(instanceId, started);

        // The 30-day reminder goes out on 2016-10-01; the next waits 23 plan days, across the restart.
        await WaitForMessagesAsync(smtp, 1);
        await first.DisposeAsync();
        await using var second = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, CancellationToken.None);

        await WaitForMessagesAsync(smtp, 5);
        var running = await second.Client.GetInstanceAsync(instanceId);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running?.RuntimeStatus);

        await second.Storage.Registry.UpsertOfficersAsync(MilestoneTestData.Officers(DrawTestData.Luohu, 4, 0, first: 100));
        await MilestoneInstances.RaiseDataChangedAsync(second.Client, set, DrawTestData.Luohu);
        using var cancellation = new CancellationTokenSource(Timeout);
        var ended = await second.Client.WaitForInstanceCompletionAsync(instanceId, true, cancellation.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        var result = ended.ReadOutputAs<MilestoneResult>()!;
        Assert.Equal(MilestoneOutcome.Met, result.Outcome);
        Assert.Equal(["before-30", "before-7", "before-1", "due"], result.StepsSent.Take(4));
        Assert.Contains("escalation-1", result.StepsSent);

        var messages = smtp.Messages;
        var toLuohu = messages.Where(m => m.To.ToString().Contains("rsj-440303@", StringComparison.Ordinal)).ToList();
        var toShenzhen = messages.Where(m => m.To.ToString().Contains("rsj-440300@", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, toLuohu.Count);
        Assert.Equal(result.StepsSent.Count - 4, toShenzhen.Count);
        Assert.Equal(messages.Count, messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Contains("12 名执法人员的执法证已过期", toLuohu[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("2016-10-31", toLuohu[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("罗湖区", toShenzhen[0].Subject, StringComparison.Ordinal);
        Assert.Contains("已逾期 7 天", toShenzhen[0].Subject, StringComparison.Ordinal);

        var outbox = await second.Storage.Outbox.CountAsync(instanceId);
        Assert.Equal(messages.Count, outbox.GetValueOrDefault(NoticeState.Sent));
        Assert.True(result.EndedAt > new DateTimeOffset(2016, 11, 7, 9, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public async Task Withdrawn_EndsInstance()
    {
        var data = DrawTestData.Create(employersPerOffice: 1, officersPerOffice: 0);
        var set = GuangdongMilestones.Default;
        await using var harness = await DrawHarness.StartAsync(azurite, "Withdraw");
        await harness.Runtime.Storage.Registry.UpsertOfficesAsync(data.Offices);
        var instances = harness.Runtime.Services.GetRequiredService<MilestoneInstances>();
        await harness.Runtime.Services.GetRequiredService<MilestoneSetStore>().TryAddAsync(set);
        var id = await instances.StartAsync(harness.Client, set, set.Get("roster"), DrawTestData.Futian, null, MilestoneClock.RealTime);
        using (var cancellation = new CancellationTokenSource(Timeout))
        {
            await harness.Client.WaitForInstanceStartAsync(id!, cancellation.Token);
        }

        await MilestoneInstances.WithdrawAsync(harness.Client, set, "roster", new OfficeTree(data.Offices));
        var ended = await harness.WaitAsync(id!, Timeout);

        Assert.Equal(MilestoneOutcome.Withdrawn, ended.ReadOutputAs<MilestoneResult>()!.Outcome);
    }

    private static async Task WaitForMessagesAsync(SmtpSink smtp, int count)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        while (smtp.Messages.Count < count)
        {
            await Task.Delay(100, cancellation.Token);
        }
    }
}
