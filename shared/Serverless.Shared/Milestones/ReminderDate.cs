namespace Serverless.Shared.Milestones;

/// <summary>A reminder before the due date.</summary>
/// <param name="OffsetDays">Days before the due date, counted in the milestone's <see cref="DayCount"/>.</param>
/// <param name="Date">Date of the reminder in China Standard Time.</param>
public sealed record ReminderDate(int OffsetDays, DateOnly Date);
