using System.Globalization;
using System.Text.RegularExpressions;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Two self-host processes on one task hub whose timers tick at the same seconds, over a plan drawn every minute.
/// One host is killed and started again 3 seconds before a slot; later both are killed 5 seconds before the
/// next slot and started again 5 seconds after it. Every slot must be drawn exactly once, the one that fell in
/// the downtime included.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TwoHostTimerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Both hosts tick at seconds 0, 10, 20, ... of every minute, so their ticks fall on the same moment.
    private const string TickSchedule = "*/10 * * * * *";
    private const string PlanId = "minutely";

    [Fact]
    public async Task TimerOnTwoHosts_RestartsNearSlots_OneDrawPerSlot()
    {
        var data = DrawTestData.Create();
        var plan = DrawTestData.Plan(PlanId, ["2 4 8 16 32", "2027 每分钟开奖"]) with { Schedule = "* * * * *" };
        await using var smtp = await SmtpSink.StartAsync();
        var shared = DrawHarness.CreateSettings(azurite.ConnectionString, "Timer", smtp.Port) with { TickSchedule = TickSchedule };
        var storage = new StorageContext(shared.StorageConnectionString!, new StorageOptions { TablePrefix = shared.StoragePrefix });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await DrawHarness.SeedAsync(storage.Registry, data, plan);

        var settings = new[] { Serving(shared), Serving(shared) };
        var hosts = new List<HostProcess>();
        try
        {
            var a = await StartAsync(settings[0], hosts);
            var b = await StartAsync(settings[1], hosts);
            var firstSeen = await WaitForFirstSeenAsync(storage.Records);

            // The first whole minute at least 8 s ahead, so host A can be restarted 3 s before it.
            var slot1 = NextMinute(DateTimeOffset.UtcNow.AddSeconds(8));
            await DelayUntilAsync(slot1.AddSeconds(-3));
            a.Kill();
            a = await StartAsync(settings[0], hosts);
            await WaitForSummaryAsync(storage.Records, slot1, slot1.AddSeconds(90));

            // Both hosts are down from 5 s before the next slot to 5 s after it.
            var slot2 = slot1.AddMinutes(1);
            await DelayUntilAsync(slot2.AddSeconds(-5));
            a.Kill();
            b.Kill();
            var faultsInjected = 3;
            await DelayUntilAsync(slot2.AddSeconds(5));
            a = await StartAsync(settings[0], hosts);
            b = await StartAsync(settings[1], hosts);
            await WaitForSummaryAsync(storage.Records, slot2, slot2.AddSeconds(90));
            var end = DateTimeOffset.UtcNow;
            a.Kill();
            b.Kill();

            var starts = hosts.SelectMany(h => h.Output)
                .Select(line => DrawStarted().Match(line))
                .Where(match => match.Success)
                .Select(match => match.Groups["id"].Value)
                .ToList();
            var expectedSlots = Enumerable.Range(1, (int)(end - firstSeen).TotalMinutes + 1)
                .Select(i => NextMinute(firstSeen).AddMinutes(i - 1))
                .Where(slot => slot <= end)
                .ToList();
            var expectedIds = expectedSlots.Select(slot => DrawPaths.DrawId(PlanId, slot)).ToList();
            var summaries = new List<string>();
            foreach (var id in expectedIds)
            {
                if (await storage.Records.ReadAsync(DrawPaths.Summary(id)) is not null)
                {
                    summaries.Add(id);
                }
            }

            var messageIds = smtp.Messages.Select(m => m.MessageId).ToList();
            output.WriteLine(
                $"faults injected: {faultsInjected} (host A restarted 3 s before {slot1:HH:mm:ss}, both hosts down " +
                $"from {slot2.AddSeconds(-5):HH:mm:ss} to {slot2.AddSeconds(5):HH:mm:ss}); host starts: {hosts.Count}; " +
                $"slots due: {expectedSlots.Count}; draws started: {starts.Count} ({starts.Distinct().Count()} distinct); " +
                $"summaries: {summaries.Count}; notices: {messageIds.Count}, {messageIds.Distinct().Count()} distinct");

            Assert.Contains(DrawPaths.DrawId(PlanId, slot1), starts);
            Assert.Contains(DrawPaths.DrawId(PlanId, slot2), starts);
            Assert.Equal(starts.Distinct().Order(StringComparer.Ordinal), starts.Order(StringComparer.Ordinal));
            Assert.Empty(starts.Except(expectedIds));
            Assert.Contains(DrawPaths.DrawId(PlanId, slot1), summaries);
            Assert.Contains(DrawPaths.DrawId(PlanId, slot2), summaries);
            Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
            foreach (var id in summaries)
            {
                var outbox = await storage.Outbox.CountAsync(id);
                Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Pending));
                Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Sending));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }

    private static HostSettings Serving(HostSettings shared) =>
        shared with { Urls = $"http://127.0.0.1:{LoopbackPorts.PickFree()}" };

    private static async Task<HostProcess> StartAsync(HostSettings settings, List<HostProcess> hosts)
    {
        var host = HostProcess.Start(settings, "serve");
        hosts.Add(host);
        await host.WaitUntilServingAsync(new Uri(settings.Urls));
        return host;
    }

    /// <summary>Waits until a tick stored the time the scheduler first saw the plan, and returns it.</summary>
    private static async Task<DateTimeOffset> WaitForFirstSeenAsync(IRecordStore records)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await records.ReadAsync($"private/schedule/{PlanId}.txt") is { } stored)
            {
                return DateTimeOffset.Parse(stored.ToString(), CultureInfo.InvariantCulture);
            }

            await Task.Delay(250);
        }

        Assert.Fail("no host ticked within 30 seconds");
        return default;
    }

    private static async Task WaitForSummaryAsync(IRecordStore records, DateTimeOffset slot, DateTimeOffset deadline)
    {
        var path = DrawPaths.Summary(DrawPaths.DrawId(PlanId, slot));
        while (await records.ReadAsync(path) is null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the draw of {slot:o} did not complete by {deadline:o}");
            await Task.Delay(250);
        }
    }

    private static async Task DelayUntilAsync(DateTimeOffset moment)
    {
        var wait = moment - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }

    /// <summary>The first whole minute strictly after <paramref name="instant"/>.</summary>
    private static DateTimeOffset NextMinute(DateTimeOffset instant)
    {
        var minute = new DateTimeOffset(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero);
        return minute.AddMinutes(1);
    }

    [GeneratedRegex(@"Started \S+ instance (?<id>draw-\S+)")]
    private static partial Regex DrawStarted();
}
