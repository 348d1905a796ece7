using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Calendar;
using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Calendar;

/// <summary>
/// Loads a calendar year for both ways in, the <c>calendar load</c> command and <c>PUT /api/calendar/{year}</c>:
/// stores it, then starts the deferred milestones that it lets the calendar count. A stored year wins over a bundled
/// file of the same year, so a corrected notice replaces the version shipped with a release. Milestones started
/// before the correction keep the dates they were started with.
/// </summary>
public sealed class CalendarLoader(
    ICalendarYearStore store, PendingMilestoneStarts pendingStarts, TimeProvider time, ILogger<CalendarLoader> logger)
{
    /// <summary>
    /// Stores <paramref name="year"/> as loaded by <paramref name="loadedBy"/> and starts the pending milestones. The
    /// pending starts are processed also when the year was stored already, so loading the same file again completes
    /// a load that stopped after storing it.
    /// </summary>
    /// <exception cref="Shared.Domain.ValidationException">
    /// <paramref name="loadedBy"/> is invalid, so nothing was stored.
    /// </exception>
    public async Task<CalendarLoadResult> LoadAsync(
        DurableTaskClient client, CalendarYear year, string loadedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(year);
        var (stored, change) = await store.SaveAsync(year, loadedBy, time.GetUtcNow(), cancellationToken);
        CalendarLoaderLog.YearStored(logger, year.Year, change, stored.Revision);
        var report = await pendingStarts.StartCountableAsync(client, cancellationToken);
        return new CalendarLoadResult(stored, change, report);
    }
}
