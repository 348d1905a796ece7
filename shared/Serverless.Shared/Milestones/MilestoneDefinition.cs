namespace Serverless.Shared.Milestones;

/// <summary>One deadline of a milestone set.</summary>
/// <param name="MilestoneId">Id unique within the set; lowercase letters, digits and hyphens.</param>
/// <param name="Name">Name in Chinese, used in reminders.</param>
/// <param name="Scope">Offices the milestone applies to.</param>
/// <param name="DueDate">
/// Due date in China Standard Time, or null when the due date follows a start date by <paramref name="DueAfterDays"/>.
/// </param>
/// <param name="DueAfterDays">Days from the start date to the due date when <paramref name="DueDate"/> is null.</param>
/// <param name="Measure">How completion is read from the data.</param>
/// <param name="ReminderOffsets">Days before the due date on which the office is reminded, for example 30, 7, 1.</param>
/// <param name="DayCount">Whether offsets and <paramref name="DueAfterDays"/> count calendar or working days.</param>
/// <param name="Escalation">Escalation to the office above after the due date.</param>
/// <param name="Instructions">What the office does to complete the milestone, in Chinese.</param>
public sealed record MilestoneDefinition(
    string MilestoneId,
    string Name,
    MilestoneScope Scope,
    DateOnly? DueDate,
    int? DueAfterDays,
    CompletionMeasure Measure,
    IReadOnlyList<int> ReminderOffsets,
    DayCount DayCount,
    EscalationRule Escalation,
    string Instructions);
