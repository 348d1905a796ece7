namespace Serverless.Workflows.Milestones;

/// <summary>Kind of step in a milestone's schedule.</summary>
public enum MilestoneStepKind
{
    /// <summary>A reminder to the office before the due date.</summary>
    Reminder,

    /// <summary>The reminder to the office on the due date.</summary>
    Due,

    /// <summary>A notice to the office above after the due date.</summary>
    Escalation,
}
