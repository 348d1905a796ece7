namespace Serverless.Workflows.Orchestrations;

/// <summary>Input of a draw orchestration: one plan and one schedule slot.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
public sealed record DrawRequest(string PlanId, DateTimeOffset Slot);
