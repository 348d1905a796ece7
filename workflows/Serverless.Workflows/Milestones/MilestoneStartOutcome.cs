namespace Serverless.Workflows.Milestones;

/// <summary>What a request to start a milestone instance did.</summary>
public enum MilestoneStartOutcome
{
    /// <summary>This call started the instance.</summary>
    Started,

    /// <summary>The instance exists, or another caller has claimed its start, so this call started nothing.</summary>
    Existing,

    /// <summary>
    /// The working-day calendar lacks a year the dates reach, so the start is stored as pending and happens when
    /// that year is loaded.
    /// </summary>
    Deferred,
}
