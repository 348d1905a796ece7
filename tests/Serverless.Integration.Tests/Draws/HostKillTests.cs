using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Integration.Tests.Draws;

/// <summary>A self-host killed with SIGKILL in the middle of a draw and started again.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostKillTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Slot = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Sources = ["3 14 15 92 65", "2027-03-01 开奖"];

    [Fact]
    public async Task KilledDuringNotices_Restarted_SameRecordsAndNoDuplicateNotice()
    {
        var data = DrawTestData.Create(employersPerOffice: 200, officersPerOffice: 12);
        var plan = DrawTestData.Plan("killed", Sources);

        // A run without the fault, in its own tables and task hub, gives the expected records.
        List<OfficeDrawRecord> expected;
        await using (var reference = await DrawHarness.StartAsync(azurite, "Ref"))
        {
            await reference.SeedAsync(data, plan);
            await reference.Scheduler.StartOnceAsync(reference.Client, Serverless.Workflows.TaskNames.DrawOrchestrator,
                DrawPaths.DrawId(plan.PlanId, Slot), new Serverless.Workflows.Orchestrations.DrawRequest(plan.PlanId, Slot), CancellationToken.None);
            await reference.WaitForSummaryAsync(DrawPaths.DrawId(plan.PlanId, Slot));
            expected = await ReadRecordsAsync(reference.Runtime.Storage.Records, DrawPaths.DrawId(plan.PlanId, Slot));
        }

        await using var smtp = await SmtpSink.StartAsync(delay: TimeSpan.FromMilliseconds(250));
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, "Kill", smtp.Port);
        var storage = new StorageContext(settings.StorageConnectionString!, new StorageOptions { TablePrefix = settings.StoragePrefix });
        await storage.EnsureCreatedAsync(CancellationToken.None);
        await storage.Registry.UpsertOfficesAsync(data.Offices);
        await storage.Registry.UpsertItemsAsync(data.Items);
        await storage.Registry.UpsertOfficersAsync(data.Officers);
        await storage.Registry.UpsertEmployersAsync(data.Employers);
        await storage.Registry.UpsertPlanAsync(plan);
        var drawArguments = new[] { "draw", "--plan", plan.PlanId, "--slot", Slot.ToString("o", System.Globalization.CultureInfo.InvariantCulture) };

        using (var first = HostProcess.Start(settings, drawArguments))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (smtp.Messages.Count < 3 && !first.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.False(first.HasExited, "the host ended before it was killed");
            Assert.InRange(smtp.Messages.Count, 3, expected.SelectMany(r => r.Selected).SelectMany(t => t.Team).Select(m => m.OfficerId).Distinct().Count() - 1);
            first.Kill();
        }

        using (var second = HostProcess.Start(settings, drawArguments))
        {
            Assert.Equal(0, await second.WaitForExitAsync(TimeSpan.FromMinutes(5)));
        }

        var drawId = DrawPaths.DrawId(plan.PlanId, Slot);
        var actual = await ReadRecordsAsync(storage.Records, drawId);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].OfficeCode, actual[i].OfficeCode);
            Assert.Equal(expected[i].Pool.Sha256, actual[i].Pool.Sha256);
            Assert.Equal(expected[i].Entropy.Key, actual[i].Entropy.Key);
            Assert.Equal(Describe(expected[i]), Describe(actual[i]));
        }

        var officers = actual.SelectMany(r => r.Selected).SelectMany(t => t.Team).Select(m => m.OfficerId).Distinct().ToList();
        var messageIds = smtp.Messages.Select(m => m.MessageId).ToList();
        Assert.Equal(messageIds.Count, messageIds.Distinct().Count());
        Assert.True(messageIds.Count <= officers.Count, $"{messageIds.Count} notices for {officers.Count} officers");
        // A notice in flight at the moment of the kill stays "sending" and is never sent again; the SMTP server may
        // or may not have stored it. Every other notice is sent exactly once.
        var outbox = await storage.Outbox.CountAsync(drawId);
        var sent = outbox.GetValueOrDefault(NoticeState.Sent);
        var claimed = outbox.GetValueOrDefault(NoticeState.Sending);
        Assert.Equal(officers.Count, outbox.Values.Sum());
        Assert.Equal(0, outbox.GetValueOrDefault(NoticeState.Pending));
        Assert.InRange(messageIds.Count, sent, sent + claimed);

        var verification = await new DrawVerifier(storage.Records, storage.Commitments).VerifyDrawAsync(drawId);
        Assert.All(verification, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));
    }

    private static async Task<List<OfficeDrawRecord>> ReadRecordsAsync(IRecordStore records, string drawId)
    {
        var result = new List<OfficeDrawRecord>();
        foreach (var path in await records.ListAsync(DrawPaths.OfficeRecordPrefix(drawId)))
        {
            result.Add(RecordJson.Deserialize<OfficeDrawRecord>((await records.ReadAsync(path))!));
        }

        return result;
    }

    private static string Describe(OfficeDrawRecord record) => string.Join(
        "\n", record.Selected.Select(t => $"{t.Selection} {t.CreditCode} {string.Join(",", t.Team.Select(m => m.OfficerId + (m.IsLeader ? "*" : "")))}"));
}
