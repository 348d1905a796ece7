using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Milestones;

/// <summary>Input of one milestone orchestration: one office and one milestone, with its dates resolved.</summary>
/// <param name="SetId">Milestone set id.</param>
/// <param name="Version">Version of the set.</param>
/// <param name="MilestoneId">Milestone id within the set.</param>
/// <param name="OfficeCode">Office that must meet the milestone.</param>
/// <param name="Dates">Due date and reminder dates, resolved with the working-day calendar.</param>
/// <param name="EscalationIntervalDays">Calendar days between escalations after the due date.</param>
/// <param name="Clock">Clock of the instance; scaled in tests.</param>
/// <param name="SubjectId">Subject the milestone follows, for example an inspection result id, or null.</param>
public sealed record MilestoneRequest(
    string SetId,
    int Version,
    string MilestoneId,
    string OfficeCode,
    MilestoneDates Dates,
    int EscalationIntervalDays,
    MilestoneClock Clock,
    string? SubjectId = null);
