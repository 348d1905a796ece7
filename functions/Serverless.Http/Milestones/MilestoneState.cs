namespace Serverless.Http.Milestones;

/// <summary>State of one milestone of one office on a given day.</summary>
public enum MilestoneState
{
    /// <summary>The data show the milestone is met.</summary>
    Done,

    /// <summary>Not met, and the due date is further away than the due-soon window.</summary>
    OnTrack,

    /// <summary>Not met, and the due date is within the due-soon window.</summary>
    DueSoon,

    /// <summary>Not met after the due date.</summary>
    Overdue,
}
