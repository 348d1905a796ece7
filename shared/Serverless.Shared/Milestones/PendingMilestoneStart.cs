namespace Serverless.Shared.Milestones;

/// <summary>
/// A milestone instance whose dates could not be counted because the working-day calendar lacks a year. It starts
/// with the same start date once that year is loaded, so its due date is the one the complete calendar gives.
/// </summary>
/// <param name="InstanceId">Durable instance id the milestone starts under.</param>
/// <param name="SetId">Milestone set id.</param>
/// <param name="Version">Version of the set.</param>
/// <param name="MilestoneId">Milestone id within the set.</param>
/// <param name="OfficeCode">Office that must meet the milestone.</param>
/// <param name="SubjectId">Subject the milestone follows, for example an inspection result, or null.</param>
/// <param name="StartDate">Date a relative due date counts from, for example the day a result was entered.</param>
/// <param name="MissingYear">The year the calendar lacked when the start was deferred.</param>
/// <param name="DeferredAt">When the start was deferred.</param>
/// <param name="ClaimedAt">
/// When a host last claimed the start, or null. A claim keeps other hosts from starting it.
/// </param>
public sealed record PendingMilestoneStart(
    string InstanceId,
    string SetId,
    int Version,
    string MilestoneId,
    string OfficeCode,
    string? SubjectId,
    DateOnly? StartDate,
    int MissingYear,
    DateTimeOffset DeferredAt,
    DateTimeOffset? ClaimedAt = null);
