using Serverless.Shared.Calendar;
using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Calendar;

/// <summary>What loading one calendar year did.</summary>
/// <param name="Stored">The stored version of the year that counts now.</param>
/// <param name="Change">Whether the year was new, replaced an earlier version or was stored already.</param>
/// <param name="PendingStarts">The deferred milestone starts that the load started and those that still wait.</param>
public sealed record CalendarLoadResult(
    StoredCalendarYear Stored, CalendarYearChange Change, PendingStartReport PendingStarts);
