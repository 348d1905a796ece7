namespace Serverless.Workflows.Milestones;

/// <summary>How a milestone orchestration ended.</summary>
public enum MilestoneOutcome
{
    /// <summary>The data show the milestone is met.</summary>
    Met,

    /// <summary>The milestone was withdrawn.</summary>
    Withdrawn,
}
