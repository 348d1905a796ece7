namespace Serverless.Workflows.Milestones;

/// <summary>What one pass over the pending milestone starts did.</summary>
/// <param name="Started">Instances this pass started.</param>
/// <param name="Existing">
/// Pending starts whose instance existed, which were removed, or that another caller had claimed and is starting.
/// </param>
/// <param name="Waiting">Pending starts left, by the year they still need, in year order.</param>
public sealed record PendingStartReport(int Started, int Existing, IReadOnlyList<PendingYearCount> Waiting);
