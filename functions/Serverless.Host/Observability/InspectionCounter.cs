namespace Serverless.Host.Observability;

/// <summary>Counters of <see cref="InspectionMetrics"/>.</summary>
internal enum InspectionCounter
{
    /// <summary>Draws whose orchestration started, scheduled draws and campaigns alike.</summary>
    DrawsStarted,

    /// <summary>Inspection targets selected by office draws.</summary>
    TargetsDrawn,

    /// <summary>Draw notices accepted by the notice sender.</summary>
    NoticesSent,

    /// <summary>Draw notices that failed after every retry.</summary>
    NoticesFailed,

    /// <summary>Milestone reminder and escalation notices sent.</summary>
    RemindersSent,
}
