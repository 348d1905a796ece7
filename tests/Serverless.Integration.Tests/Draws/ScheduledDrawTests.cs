using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Integration.Tests.Draws;

/// <summary>Scheduled draws end to end on a real Azurite and the real durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScheduledDrawTests(AzuriteFixture azurite)
{
    // 09:00 China Standard Time on 2027-01-01, a slot of the test plan's schedule.
    private static readonly DateTimeOffset Slot = new(2027, 1, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ScheduledDraw_ThroughTimerTicks_DrawsRecordsAndNotifies()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Sched");
        var data = DrawTestData.Create();
        await harness.SeedAsync(data, DrawTestData.Plan("monthly"));

        // The day before: the scheduler sees the plan and commits to a seed for the coming slot.
        var before = await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-1));
        var commitId = DrawPaths.CommitmentInstanceId("monthly", Slot);
        Assert.Equal([commitId], before);
        await harness.WaitAsync(commitId);
        var commitment = await harness.Runtime.Storage.Commitments.GetAsync("monthly", Slot);
        Assert.NotNull(commitment);

        var started = await harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1));
        var drawId = DrawPaths.DrawId("monthly", Slot);
        Assert.Equal([drawId], started);
        var summary = await harness.WaitForSummaryAsync(drawId);

        // 60 employers per office, 5% rounded up: 3 targets per office, 2 officers each.
        Assert.Equal(3, summary.Offices);
        Assert.Equal(3, summary.OfficesDrawn);
        Assert.Equal(0, summary.OfficesRejected);
        Assert.Equal(180, summary.PoolSize);
        Assert.Equal(9, summary.Targets);
        Assert.Equal(18, summary.Assignments);

        var records = new List<OfficeDrawRecord>();
        foreach (var office in DrawTestData.InspectingOffices)
        {
            var bytes = await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(drawId, office));
            Assert.NotNull(bytes);
            records.Add(RecordJson.Deserialize<OfficeDrawRecord>(bytes));
        }

        var officers = records.SelectMany(r => r.Selected).SelectMany(t => t.Team).Select(m => m.OfficerId).Distinct().ToList();
        Assert.Equal(officers.Count, summary.NoticesSent);
        Assert.Equal(officers.Count, harness.Smtp.Messages.Count);
        Assert.Equal(officers.Count, harness.Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(records.SelectMany(r => r.Selected), t => Assert.Single(t.Team, m => m.IsLeader));
        Assert.All(records.SelectMany(r => r.Selected), t => Assert.Equal(2, t.Team.Count));

        // The record reveals the committed seed, and its pool is the frozen one.
        Assert.All(records, r => Assert.Equal(commitment.SeedSha256, r.Entropy.SeedSha256));
        Assert.All(records, r => Assert.Equal(commitment.PoolSha256ByOffice[r.OfficeCode], r.Pool.Sha256));
        Assert.All(records, r => Assert.False(r.Entropy.CommittedLate));
        Assert.Equal(commitment.SeedSha256, PoolFreezer.Sha256Hex(records[0].Entropy.Sources[0]));

        var first = records[0].Selected[0];
        var byOfficer = await harness.Runtime.Storage.Assignments.ListByOfficerAsync(first.Team[0].OfficerId, drawId);
        Assert.Contains(byOfficer, a => a.CreditCode == first.CreditCode && a.IsLeader);
        var byEmployer = await harness.Runtime.Storage.Assignments.ListByEmployerAsync(first.CreditCode);
        Assert.Equal(2, byEmployer.Count(a => a.DrawId == drawId));

        var verification = await harness.Verifier.VerifyDrawAsync(drawId);
        Assert.Equal(3, verification.Count);
        Assert.All(verification, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));
    }

    [Fact]
    public async Task SameSlot_StartedTwiceAtOnce_MakesOneDraw()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Twice");
        await harness.SeedAsync(DrawTestData.Create(), DrawTestData.Plan("twice", ["7 11 23 31", "TEST SOURCE"]));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-3));

        var ticks = await Task.WhenAll(
            harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1)),
            harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1)));
        var drawId = DrawPaths.DrawId("twice", Slot);
        Assert.All(ticks.SelectMany(t => t), id => Assert.Equal(drawId, id));
        var summary = await harness.WaitForSummaryAsync(drawId);
        var sentAfterFirst = harness.Smtp.Messages.Count;

        var again = await harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(2));
        Assert.Empty(again);
        var restarted = await harness.Scheduler.StartOnceAsync(
            harness.Client, Serverless.Workflows.TaskNames.DrawOrchestrator, drawId,
            new Serverless.Workflows.Orchestrations.DrawRequest("twice", Slot), CancellationToken.None);
        Assert.False(restarted);

        Assert.Equal(9, summary.Targets);
        Assert.Equal(summary.NoticesSent + summary.NoticesSkipped, sentAfterFirst);
        Assert.Equal(sentAfterFirst, harness.Smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        var outbox = await harness.Runtime.Storage.Outbox.CountAsync(drawId);
        Assert.Equal(sentAfterFirst, outbox.GetValueOrDefault(NoticeState.Sent));
        var records = await harness.Runtime.Storage.Records.ListAsync(DrawPaths.OfficeRecordPrefix(drawId));
        Assert.Equal(3, records.Count);
    }

    [Fact]
    public async Task CaughtUpSlot_MissedWhileDown_IsDrawnOnce()
    {
        await using var harness = await DrawHarness.StartAsync(azurite, "Catch");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 20), DrawTestData.Plan("catchup", ["42"]));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-10));

        // No tick ran between the slot and three days later; the next tick catches the slot up.
        var late = await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(3));
        var drawId = DrawPaths.DrawId("catchup", Slot);
        Assert.Equal([drawId], late);
        await harness.WaitForSummaryAsync(drawId);
        Assert.Empty(await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(3).AddMinutes(1)));
    }
}
