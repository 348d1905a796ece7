using System.Collections.Frozen;

namespace Serverless.Host.Observability;

/// <summary>
/// The log events that the metrics count, by event id. The workflows log each of these once per occurrence:
/// orchestrators through replay-safe loggers, so a replay counts nothing again.
/// </summary>
internal static class MeteredEvents
{
    /// <summary>Every metered event.</summary>
    public static IReadOnlyList<MeteredEvent> All { get; } =
    [
        new(1000, InspectionCounter.DrawsStarted, "scheduled"),
        new(5300, InspectionCounter.DrawsStarted, "campaign"),
        new(1100, InspectionCounter.TargetsDrawn, "scheduled", "Targets"),
        new(5303, InspectionCounter.TargetsDrawn, "campaign", "Targets"),
        new(1103, InspectionCounter.NoticesSent, "scheduled"),
        new(1003, InspectionCounter.NoticesFailed, "scheduled"),
        new(5302, InspectionCounter.NoticesFailed, "campaign"),
        new(1390, InspectionCounter.RemindersSent, "milestone"),
    ];

    /// <summary>The metered events by event id.</summary>
    public static FrozenDictionary<int, MeteredEvent> ById { get; } = All.ToFrozenDictionary(e => e.EventId);
}
