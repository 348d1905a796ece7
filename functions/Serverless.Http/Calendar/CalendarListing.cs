using Serverless.Shared.Calendar;
using Serverless.Workflows.Milestones;

namespace Serverless.Http.Calendar;

/// <summary>Response body of <c>GET /api/calendar</c>.</summary>
/// <param name="Years">Every year the working-day calendar covers, with its source, in year order.</param>
/// <param name="PendingStarts">Deferred milestones that wait for a year, by that year.</param>
public sealed record CalendarListing(
    IReadOnlyList<CalendarYearSource> Years, IReadOnlyList<PendingYearCount> PendingStarts);
