namespace Serverless.Workflows.Milestones;

/// <summary>Output of a milestone orchestration.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="StepsSent">Ids of the steps whose notices were sent, in order.</param>
/// <param name="EndedAt">Plan time at which it ended.</param>
public sealed record MilestoneResult(MilestoneOutcome Outcome, IReadOnlyList<string> StepsSent, DateTimeOffset EndedAt);
