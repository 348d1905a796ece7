namespace Serverless.Workflows.Milestones;

/// <summary>Names under which both hosts register the milestone orchestrator and activities.</summary>
public static class MilestoneTaskNames
{
    public const string Orchestrator = "MilestoneOrchestrator";

    public const string Check = "CheckMilestone";

    public const string SendReminder = "SendMilestoneReminder";
}
