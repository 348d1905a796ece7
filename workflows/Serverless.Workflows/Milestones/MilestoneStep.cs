namespace Serverless.Workflows.Milestones;

/// <summary>One step of a milestone's schedule.</summary>
/// <param name="StepId">Id unique within the instance, for example <c>before-30</c>, <c>due</c> or <c>escalation-2</c>.</param>
/// <param name="Kind">Kind of step.</param>
/// <param name="Date">Date of the step in China Standard Time.</param>
public sealed record MilestoneStep(string StepId, MilestoneStepKind Kind, DateOnly Date);
