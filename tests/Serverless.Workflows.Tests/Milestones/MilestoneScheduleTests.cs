using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class MilestoneScheduleTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly DateTimeOffset Origin = new(2016, 9, 1, 0, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(0, "before-30", MilestoneStepKind.Reminder, "2016-10-01")]
    [InlineData(2, "before-1", MilestoneStepKind.Reminder, "2016-10-30")]
    [InlineData(3, "due", MilestoneStepKind.Due, "2016-10-31")]
    [InlineData(4, "escalation-1", MilestoneStepKind.Escalation, "2016-11-07")]
    [InlineData(13, "escalation-10", MilestoneStepKind.Escalation, "2017-01-09")]
    public void StepAt_Index_ReturnsStep(int index, string stepId, MilestoneStepKind kind, string date)
    {
        var schedule = new MilestoneSchedule(MilestoneOrchestratorTests.Request(Origin), Start);

        var step = schedule.StepAt(index);

        Assert.Equal(stepId, step.StepId);
        Assert.Equal(kind, step.Kind);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), step.Date);
    }

    [Fact]
    public void PlanInstantOf_Date_IsNineInChina()
    {
        var instant = MilestoneSchedule.PlanInstantOf(new DateOnly(2016, 10, 31));

        Assert.Equal(new DateTimeOffset(2016, 10, 31, 1, 0, 0, TimeSpan.Zero), instant.ToUniversalTime());
    }

    [Fact]
    public void ToOrchestrationTime_LongTimer_ShrinksByScale()
    {
        var schedule = new MilestoneSchedule(MilestoneOrchestratorTests.Request(Origin), Start);

        var fireAt = schedule.ToOrchestrationTime(Origin.AddDays(60));

        Assert.Equal(Start.AddSeconds(60), fireAt);
    }

    [Fact]
    public void ToPlanTime_RoundTrip_ReturnsInstant()
    {
        var schedule = new MilestoneSchedule(MilestoneOrchestratorTests.Request(Origin), Start);
        var instant = new DateTimeOffset(2016, 11, 7, 9, 0, 0, TimeSpan.FromHours(8));

        var back = schedule.ToPlanTime(schedule.ToOrchestrationTime(instant));

        Assert.Equal(instant, back);
    }

    [Fact]
    public void Schedule_RealTimeClock_UsesStartAsOrigin()
    {
        var request = MilestoneOrchestratorTests.Request(Origin) with { Clock = MilestoneClock.RealTime };
        var schedule = new MilestoneSchedule(request, Start);

        var fireAt = schedule.ToOrchestrationTime(new DateTimeOffset(Start).AddDays(40));

        Assert.Equal(Start.AddDays(40), fireAt);
    }

    [Fact]
    public void Schedule_ScaleBelowOne_IsRejected()
    {
        var request = MilestoneOrchestratorTests.Request(Origin) with { Clock = new MilestoneClock(Origin, 0.5) };

        var error = Assert.Throws<Shared.Domain.ValidationException>(() => new MilestoneSchedule(request, Start));

        Assert.Equal("clock.scale", error.Field);
    }
}
