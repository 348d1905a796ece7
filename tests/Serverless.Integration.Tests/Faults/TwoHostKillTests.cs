using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Two <c>serve</c> processes share one task hub, and their scheduler ticks start a draw. Once both have completed
/// office draws or notices of it, the one that started the draw is killed with SIGKILL, and the other must finish
/// it with the records of a run without the fault and each notice sent once. The logs of both processes are then
/// scanned for personal data.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TwoHostKillTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Both hosts tick every 2 seconds, so the draw starts soon after the plan is stored.
    private const string TickSchedule = "*/2 * * * * *";
    private const string PlanId = "twohosts";
    private static readonly string[] Sources = ["7 21 33 48 52", "2027-04-01 开奖"];

    [Fact]
    public async Task SharedHub_OneHostKilled_OtherFinishesSameRecords()
    {
        // The slot is the minute that just began, and the plan's schedule fires at that minute only, so the
        // scheduler starts one draw of it (as a catch-up) and none later in the test.
        var clock = Stopwatch.StartNew();
        var slot = WholeMinute(DateTimeOffset.UtcNow);
        var data = DrawTestData.Create(employersPerOffice: 400, officersPerOffice: 40);
        var plan = DrawTestData.Plan(PlanId, Sources) with { Schedule = CronAt(slot) };
        var drawId = DrawPaths.DrawId(plan.PlanId, slot);

        List<string> expected;
        int expectedNotices;
        await using (var reference = await DrawHarness.StartAsync(azurite, "Ref2"))
        {
            await reference.SeedAsync(data, plan);
            await reference.Scheduler.StartOnceAsync(
                reference.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest(plan.PlanId, slot),
                CancellationToken.None);
            await reference.WaitForSummaryAsync(drawId);
            expected = await DescribeRecordsAsync(reference.Runtime.Storage.Records, drawId);
            expectedNotices = reference.Smtp.Messages.Count;
        }

        await using var smtp = await SmtpSink.StartAsync(delay: TimeSpan.FromMilliseconds(200));

        // Four activities at a time per host keep the notices going for a few seconds after the first ones are
        // sent, so the kill falls inside the draw. Messages the killed host had taken become visible again after
        // 15 s instead of the default minute.
        var shared = DrawHarness.CreateSettings(azurite.ConnectionString, "Two", smtp.Port) with
        {
            TickSchedule = TickSchedule,
            MaxConcurrentActivities = 4,
            MessageVisibilityTimeout = TimeSpan.FromSeconds(15),
        };
        var storage = new StorageContext(
            shared.StorageConnectionString!, new StorageOptions { TablePrefix = shared.StoragePrefix });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await DrawHarness.SeedAsync(storage.Registry, data);

        // A first-seen time before the slot makes the slot due. The plan itself is stored only once both hosts
        // serve, so neither host can take the whole draw before the other one polls.
        var firstSeen = BinaryData.FromString(slot.AddMinutes(-1).ToString("o", CultureInfo.InvariantCulture));
        await storage.Records.TryWriteOnceAsync($"private/schedule/{PlanId}.txt", firstSeen, "text/plain; charset=utf-8");
        // Both ports are picked while both are held, so the two hosts never get the same one.
        var ports = LoopbackPorts.PickFree(2);
        var hostA = Serving(shared, ports[0]);
        var hostB = Serving(shared, ports[1]);
        using var a = HostProcess.Start(hostA, "serve");
        using var b = HostProcess.Start(hostB, "serve");
        await a.WaitUntilServingAsync(new Uri(hostA.Urls));
        await b.WaitUntilServingAsync(new Uri(hostB.Urls));
        await storage.Registry.UpsertPlanAsync(plan);

        var deadline = DateTime.UtcNow.AddSeconds(45);
        while ((UnitsDone(a, drawId) == 0 || UnitsDone(b, drawId) == 0)
            && await storage.Records.ReadAsync(DrawPaths.Summary(drawId)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // The host that started the draw is killed; the other one must finish it.
        var (victim, survivor) = Started(b, drawId) ? (b, a) : (a, b);
        var victimUnits = UnitsDone(victim, drawId);
        var survivorUnitsBeforeKill = UnitsDone(survivor, drawId);
        var drawEndedBeforeKill = await storage.Records.ReadAsync(DrawPaths.Summary(drawId)) is not null;
        var sentBeforeKill = smtp.Messages.Count;
        var killedAt = clock.Elapsed;
        victim.Kill();
        var faultsInjected = 1;

        var recoveryDeadline = deadline.AddSeconds(45);
        while (await storage.Records.ReadAsync(DrawPaths.Summary(drawId)) is null && DateTime.UtcNow < recoveryDeadline)
        {
            Assert.False(survivor.HasExited, "the surviving host stopped");
            await Task.Delay(250);
        }

        var actual = await DescribeRecordsAsync(storage.Records, drawId);
        var messageIds = smtp.Messages.Select(m => m.MessageId).ToList();
        var outbox = await storage.Outbox.CountAsync(drawId);
        var sent = outbox.GetValueOrDefault(NoticeState.Sent);
        var claimed = outbox.GetValueOrDefault(NoticeState.Sending);
        var leaked = PersonalData(survivor.Output.Concat(victim.Output), data).ToList();
        output.WriteLine($"faults injected: {faultsInjected} (SIGKILL after {sentBeforeKill} notices, at " +
            $"{killedAt.TotalSeconds:F0} s; summary at {clock.Elapsed.TotalSeconds:F0} s); " +
            $"units before the kill (office draws + notices): killed host {victimUnits}, surviving host " +
            $"{survivorUnitsBeforeKill}; surviving host in total {UnitsDone(survivor, drawId)}; " +
            $"targets: {expected.Count}; notices: {expectedNotices} expected, {messageIds.Count} received, " +
            $"{sent} sent, {claimed} left in flight; " +
            $"rows lost: {expected.Except(actual).Count()}; " +
            $"log lines scanned: {survivor.Output.Count + victim.Output.Count}, with personal data: {leaked.Count}");

        Assert.False(drawEndedBeforeKill, "the draw ended before the host was killed");
        Assert.InRange(sentBeforeKill, 0, expectedNotices - 1);
        Assert.InRange(victimUnits, 1, int.MaxValue);
        Assert.InRange(survivorUnitsBeforeKill, 1, int.MaxValue);
        Assert.Equal(expected, actual);
        Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
        Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Pending));
        Assert.InRange(messageIds.Count, sent, sent + claimed);
        Assert.Empty(leaked);
    }

    private static HostSettings Serving(HostSettings shared, int port) =>
        shared with { Urls = $"http://127.0.0.1:{port}" };

    /// <summary>
    /// Office draws (events 1100 and 1102) and notices (event 1103) of a draw that the process logged as done.
    /// </summary>
    private static int UnitsDone(HostProcess host, string drawId)
    {
        var prefix = $"Draw {drawId}: ";
        return host.Output.Count(line => line.Contains(prefix, StringComparison.Ordinal)
            && (IsOfficeDrawn(line) || IsNoticeSent(line)));
    }

    private static bool IsOfficeDrawn(string line) =>
        line.Contains(": office ", StringComparison.Ordinal)
        && (line.Contains(" drew ", StringComparison.Ordinal) || line.EndsWith(" reusing it", StringComparison.Ordinal));

    private static bool IsNoticeSent(string line) =>
        line.Contains(": notice ", StringComparison.Ordinal) && line.EndsWith(" sent", StringComparison.Ordinal);

    /// <summary>True when the process logged the start of the draw's instance (event 1200).</summary>
    private static bool Started(HostProcess host, string drawId) =>
        host.Output.Any(line =>
            line.Contains($"Started {TaskNames.DrawOrchestrator} instance {drawId}", StringComparison.Ordinal));

    private static DateTimeOffset WholeMinute(DateTimeOffset instant) =>
        new(instant.Year, instant.Month, instant.Day, instant.Hour, instant.Minute, 0, TimeSpan.Zero);

    /// <summary>
    /// A five-field cron expression, in China time as plan schedules are, that fires at one minute a year.
    /// </summary>
    private static string CronAt(DateTimeOffset slot)
    {
        var local = slot.ToOffset(TimeSpan.FromHours(8));
        return string.Create(CultureInfo.InvariantCulture, $"{local.Minute} {local.Hour} {local.Day} {local.Month} *");
    }

    /// <summary>
    /// Log lines holding an officer's e-mail address or certificate number, an employer's name or address, or
    /// something shaped like a mainland mobile number.
    /// </summary>
    internal static IEnumerable<string> PersonalData(IEnumerable<string> lines, DrawTestData data)
    {
        var secrets = data.Officers.SelectMany(o => new[] { o.Email, o.CertificateNumber })
            .Concat(data.Employers.SelectMany(e => new[] { e.Name, e.Address }))
            .ToList();
        return lines.Where(line => MobileNumber().IsMatch(line)
            || secrets.Any(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<List<string>> DescribeRecordsAsync(IRecordStore records, string drawId)
    {
        var result = new List<string>();
        foreach (var path in await records.ListAsync(DrawPaths.OfficeRecordPrefix(drawId)))
        {
            var record = RecordJson.Deserialize<OfficeDrawRecord>((await records.ReadAsync(path))!);
            result.AddRange(record.Selected.Select(t =>
                $"{record.OfficeCode} {record.Pool.Sha256} {t.Selection} {t.CreditCode} " +
                string.Join(",", t.Team.Select(m => m.OfficerId + (m.IsLeader ? "*" : "")))));
        }

        return result;
    }

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumber();
}
