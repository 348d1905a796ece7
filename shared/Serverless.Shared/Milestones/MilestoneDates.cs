namespace Serverless.Shared.Milestones;

/// <summary>The resolved dates of one milestone for one office.</summary>
/// <param name="DueDate">Due date in China Standard Time.</param>
/// <param name="Reminders">Reminders before the due date, earliest first.</param>
public sealed record MilestoneDates(DateOnly DueDate, IReadOnlyList<ReminderDate> Reminders)
{
    /// <summary>
    /// Resolves the due date and reminder dates of a milestone. <paramref name="startDate"/> is required when the
    /// due date follows a start date, for example the day an inspection result was entered.
    /// </summary>
    /// <exception cref="Domain.ValidationException">The start date is missing, or a date lies outside the calendar.</exception>
    public static MilestoneDates Resolve(MilestoneDefinition milestone, WorkingDayCalendar calendar, DateOnly? startDate)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly due;
        if (milestone.DueDate is { } fixedDate)
        {
            due = fixedDate;
        }
        else if (startDate is { } start)
        {
            due = calendar.AddDays(start, milestone.DueAfterDays ?? 0, milestone.DayCount);
        }
        else
        {
            throw new Domain.ValidationException(
                "startDate", "", $"is missing, but milestone {milestone.MilestoneId} is due relative to a start date");
        }

        var reminders = milestone.ReminderOffsets
            .Distinct()
            .OrderDescending()
            .Select(offset => new ReminderDate(offset, calendar.AddDays(due, -offset, milestone.DayCount)))
            .ToList();
        return new MilestoneDates(due, reminders);
    }
}
