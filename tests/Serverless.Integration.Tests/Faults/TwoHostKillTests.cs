using System.Globalization;
using System.Text.RegularExpressions;
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
/// Two self-host processes share one task hub. One of them is killed with SIGKILL halfway through a draw, and
/// the other must finish it with the records of a run without the fault and each notice sent once. The logs of
/// both processes are then scanned for personal data.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class TwoHostKillTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Slot = new(2027, 4, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["7 21 33 48 52", "2027-04-01 开奖"];

    [Fact]
    public async Task SharedHub_OneHostKilled_OtherFinishesSameRecords()
    {
        var data = DrawTestData.Create(employersPerOffice: 400, officersPerOffice: 16);
        var plan = DrawTestData.Plan("twohosts", Sources);
        var drawId = DrawPaths.DrawId(plan.PlanId, Slot);

        List<string> expected;
        await using (var reference = await DrawHarness.StartAsync(azurite, "Ref2"))
        {
            await reference.SeedAsync(data, plan);
            await reference.Scheduler.StartOnceAsync(
                reference.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest(plan.PlanId, Slot), CancellationToken.None);
            await reference.WaitForSummaryAsync(drawId);
            expected = await DescribeRecordsAsync(reference.Runtime.Storage.Records, drawId);
        }

        await using var smtp = await SmtpSink.StartAsync(delay: TimeSpan.FromMilliseconds(200));
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, "Two", smtp.Port)
            with { Urls = $"http://127.0.0.1:{LoopbackPorts.PickFree()}" };
        var storage = new StorageContext(settings.StorageConnectionString!, new StorageOptions { TablePrefix = settings.StoragePrefix });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await storage.Registry.UpsertOfficesAsync(data.Offices);
        await storage.Registry.UpsertItemsAsync(data.Items);
        await storage.Registry.UpsertOfficersAsync(data.Officers);
        await storage.Registry.UpsertEmployersAsync(data.Employers);
        await storage.Registry.UpsertPlanAsync(plan);

        // The survivor serves, so it logs at Information level; the victim starts the draw and is killed.
        using var survivor = HostProcess.Start(settings, "serve");
        await survivor.WaitUntilServingAsync(new Uri(settings.Urls));
        using var victim = HostProcess.Start(
            settings, "draw", "--plan", plan.PlanId, "--slot", Slot.ToString("o", CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((smtp.Messages.Count < 12 || SentBy(survivor) == 0) && !victim.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.False(victim.HasExited, "the draw ended before the host was killed");
        var sentBeforeKill = smtp.Messages.Count;
        victim.Kill();
        var faultsInjected = 1;

        while (await storage.Records.ReadAsync(DrawPaths.Summary(drawId)) is null && DateTime.UtcNow < deadline.AddMinutes(2))
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
        output.WriteLine($"faults injected: {faultsInjected} (SIGKILL after {sentBeforeKill} notices); " +
            $"targets: {expected.Count}; notices: {messageIds.Count} received, {sent} sent, {claimed} left in flight; " +
            $"survivor sent {SentBy(survivor)}; rows lost: {expected.Except(actual).Count()}; " +
            $"log lines scanned: {survivor.Output.Count + victim.Output.Count}, with personal data: {leaked.Count}");

        Assert.Equal(expected, actual);
        Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
        Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Pending));
        Assert.InRange(messageIds.Count, sent, sent + claimed);
        // NOTE: which host runs which activity is up to the engine's queues, so the test requires only that the
        // survivor sent notices; the split between the two hosts is in the output above.
        Assert.InRange(SentBy(survivor), 1, messageIds.Count);
        Assert.Empty(leaked);
    }

    /// <summary>Notices the process logged as sent (event 1103 of the workflows' log).</summary>
    private static int SentBy(HostProcess host) => host.Output.Count(line => line.Contains(": notice ", StringComparison.Ordinal)
        && line.EndsWith(" sent", StringComparison.Ordinal));

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
