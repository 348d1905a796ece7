namespace Serverless.Workflows.Orchestrations;

/// <summary>Input of a commitment: the plan and the slot whose seed and pools are committed.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
public sealed record CommitmentRequest(string PlanId, DateTimeOffset Slot);
