namespace Serverless.Workflows.Milestones;

/// <summary>Names of the external events a milestone orchestration waits for.</summary>
public static class MilestoneEvents
{
    /// <summary>Data the milestone is measured on changed, so the orchestration checks it again.</summary>
    public const string DataChanged = "MilestoneDataChanged";

    /// <summary>The milestone was withdrawn, so the orchestration ends.</summary>
    public const string Withdrawn = "MilestoneWithdrawn";
}
