namespace Serverless.Workflows.Milestones;

/// <summary>Input of the activity that sends the notices of one step.</summary>
/// <param name="InstanceId">Instance id of the orchestration; the outbox partition of its notices.</param>
/// <param name="Check">The milestone and office.</param>
/// <param name="Step">The step to send.</param>
/// <param name="Missing">What is still missing, in Chinese.</param>
public sealed record MilestoneReminder(string InstanceId, MilestoneCheck Check, MilestoneStep Step, string Missing);
