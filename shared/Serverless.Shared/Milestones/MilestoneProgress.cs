namespace Serverless.Shared.Milestones;

/// <summary>Completion of one milestone by one office, as read from the data.</summary>
/// <param name="Done">True when the milestone is met.</param>
/// <param name="Missing">What is still missing, in Chinese, or empty when done.</param>
public sealed record MilestoneProgress(bool Done, string Missing);
