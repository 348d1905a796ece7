using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// The step arithmetic of a milestone orchestration: step dates, the plan-time instant of each step, and the
/// conversion between plan time and orchestration time under a <see cref="MilestoneClock"/>.
/// </summary>
public sealed class MilestoneSchedule
{
    /// <summary>Local time in China at which each step's notices go out.</summary>
    public static readonly TimeOnly SendTime = new(9, 0);

    private readonly MilestoneRequest request;
    private readonly DateTime start;
    private readonly DateTimeOffset origin;

    /// <summary>Creates the schedule of an instance that started at <paramref name="start"/> (UTC, orchestration time).</summary>
    public MilestoneSchedule(MilestoneRequest request, DateTime start)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Clock.Scale < 1)
        {
            throw new ValidationException("clock.scale", request.Clock.Scale.ToString(CultureInfo.InvariantCulture), "must be 1 or more");
        }

        this.request = request;
        this.start = DateTime.SpecifyKind(start, DateTimeKind.Utc);
        origin = request.Clock.Origin ?? new DateTimeOffset(this.start);
    }

    /// <summary>Orchestration time (UTC) at which the instance started.</summary>
    public DateTime Start => start;

    /// <summary>
    /// Returns step <paramref name="index"/>: the reminders earliest first, then the due date, then escalations
    /// every interval without end.
    /// </summary>
    public MilestoneStep StepAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var reminders = request.Dates.Reminders;
        if (index < reminders.Count)
        {
            var reminder = reminders[index];
            return new MilestoneStep(
                $"before-{reminder.OffsetDays.ToString(CultureInfo.InvariantCulture)}", MilestoneStepKind.Reminder, reminder.Date);
        }

        var due = request.Dates.DueDate;
        if (index == reminders.Count)
        {
            return new MilestoneStep("due", MilestoneStepKind.Due, due);
        }

        var escalation = index - reminders.Count;
        return new MilestoneStep(
            $"escalation-{escalation.ToString(CultureInfo.InvariantCulture)}",
            MilestoneStepKind.Escalation,
            due.AddDays(escalation * request.EscalationIntervalDays));
    }

    /// <summary>Returns the plan-time instant of a date's send time in China Standard Time.</summary>
    public static DateTimeOffset PlanInstantOf(DateOnly date)
    {
        var local = date.ToDateTime(SendTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, ChinaTime.Zone.GetUtcOffset(local));
    }

    /// <summary>Converts an orchestration time (UTC) to plan time.</summary>
    public DateTimeOffset ToPlanTime(DateTime orchestrationTime)
    {
        var elapsed = DateTime.SpecifyKind(orchestrationTime, DateTimeKind.Utc) - start;
        return origin + (elapsed * request.Clock.Scale);
    }

    /// <summary>Converts a plan-time instant to the orchestration time (UTC) at which a timer must fire.</summary>
    public DateTime ToOrchestrationTime(DateTimeOffset planInstant) =>
        start + ((planInstant - origin) / request.Clock.Scale);
}
