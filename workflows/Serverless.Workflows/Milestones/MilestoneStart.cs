namespace Serverless.Workflows.Milestones;

/// <summary>Result of starting one milestone instance.</summary>
/// <param name="InstanceId">Durable instance id of the milestone.</param>
/// <param name="Outcome">Whether the instance was started, existed or waits for a calendar year.</param>
/// <param name="StartDate">
/// Date a relative due date counts from, which is the first start date given for this instance, also after a
/// deferral. It is null when the instance existed before this call.
/// </param>
/// <param name="DueDate">Due date when this call counted it, or null when it existed or is deferred.</param>
/// <param name="MissingYear">Year the calendar lacks when the start is deferred, or null.</param>
public sealed record MilestoneStart(
    string InstanceId, MilestoneStartOutcome Outcome, DateOnly? StartDate, DateOnly? DueDate, int? MissingYear);
