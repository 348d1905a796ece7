using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class MilestoneOrchestratorTests
{
    // One plan day passes in one second of orchestration time.
    private const double DayPerSecond = 86_400;

    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTimeOffset Origin = new(2016, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Orchestrator_Unmet_SendsStepsInOrder()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, false, false, false, false, true);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(MilestoneOutcome.Met, result.Outcome);
        Assert.Equal(["before-30", "before-7", "before-1", "due", "escalation-1"], result.StepsSent);
    }

    [Fact]
    public async Task Orchestrator_ScaledClock_FiresTimersAtScaledTimes()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, false, false, false, true);

        await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        // 09:00 in China on 2016-10-01 is 30 days and 9 hours after the origin: 30.375 seconds at this scale.
        Assert.Equal(
            [Start.AddSeconds(30.375), Start.AddSeconds(53.375), Start.AddSeconds(59.375), Start.AddSeconds(60.375),
                Start.AddSeconds(67.375)],
            context.Timers);
    }

    [Fact]
    public async Task Orchestrator_MetBeforeStart_SendsNothing()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(true);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(MilestoneOutcome.Met, result.Outcome);
        Assert.Empty(context.Timers);
        Assert.Empty(context.Reminders);
    }

    [Fact]
    public async Task Orchestrator_DataChangedAndMet_EndsWithoutWaiting()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, true);
        context.RaiseEventAfter(MilestoneEvents.DataChanged, 1);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(MilestoneOutcome.Met, result.Outcome);
        Assert.Equal(["before-30"], result.StepsSent);
        Assert.Single(context.Timers);
    }

    [Fact]
    public async Task Orchestrator_DataChangedUnmet_KeepsWaiting()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, false, true);
        context.RaiseEventAfter(MilestoneEvents.DataChanged, 0);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(["before-30"], result.StepsSent);
        Assert.Equal(Start.AddSeconds(30.375), context.Timers[0]);
    }

    [Fact]
    public async Task Orchestrator_Withdrawn_EndsAsWithdrawn()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false);
        context.RaiseEventAfter(MilestoneEvents.Withdrawn, 2);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(MilestoneOutcome.Withdrawn, result.Outcome);
        Assert.Equal(["before-30", "before-7"], result.StepsSent);
    }

    [Fact]
    public async Task Orchestrator_StartAfterFirstOffset_SkipsPastReminders()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, true);

        var result = await new MilestoneOrchestrator().RunAsync(
            context.Object, Request(new DateTimeOffset(2016, 10, 20, 0, 0, 0, TimeSpan.FromHours(8))));

        Assert.Equal(["before-7"], result.StepsSent);
    }

    [Fact]
    public async Task Orchestrator_Reminder_CarriesStepAndMissing()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, true);

        await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        var reminder = Assert.Single(context.Reminders);
        Assert.Equal(new MilestoneStep("before-30", MilestoneStepKind.Reminder, new DateOnly(2016, 10, 1)), reminder.Step);
        Assert.Equal("还差 2 名", reminder.Missing);
        Assert.Equal("milestone-test", reminder.InstanceId);
        Assert.Equal("440103", reminder.Check.OfficeCode);
    }

    [Fact]
    public async Task Orchestrator_EndedAt_IsPlanTime()
    {
        var context = new MilestoneContextMock(Start);
        context.SetupProgress(false, false, true);

        var result = await new MilestoneOrchestrator().RunAsync(context.Object, Request(Origin));

        Assert.Equal(new DateTimeOffset(2016, 10, 24, 9, 0, 0, TimeSpan.FromHours(8)), result.EndedAt);
    }

    internal static MilestoneRequest Request(DateTimeOffset origin) => new(
        "gd-2016",
        1,
        "roster",
        "440103",
        new MilestoneDates(
            new DateOnly(2016, 10, 31),
            [new ReminderDate(30, new DateOnly(2016, 10, 1)), new ReminderDate(7, new DateOnly(2016, 10, 24)),
                new ReminderDate(1, new DateOnly(2016, 10, 30))]),
        7,
        new MilestoneClock(origin, DayPerSecond));
}
