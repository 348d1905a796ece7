using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Milestones;

namespace Serverless.Shared.Calendar;

/// <summary>
/// The working-day calendar of the bundled years plus the years loaded into storage, where a stored year wins over
/// a bundled file of the same year. Stored years are read on first use, again when a computation reaches a year that
/// is not covered, and at most every <see cref="RefreshInterval"/> otherwise, so a year loaded on any host takes
/// effect on every host without a restart.
/// </summary>
public sealed class WorkingDayCalendarProvider : IDisposable
{
    /// <summary>Age after which the stored years are read again before the next use.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    private readonly BundledCalendarYears bundled;
    private readonly ICalendarYearStore store;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? current;

    /// <summary>Creates the provider over the bundled years and the store of loaded years.</summary>
    public WorkingDayCalendarProvider(
        BundledCalendarYears bundled,
        ICalendarYearStore store,
        TimeProvider time,
        ILogger<WorkingDayCalendarProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(bundled);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.bundled = bundled;
        this.store = store;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>
    /// Returns the current calendar, reading the stored years first when they were never read or were read more
    /// than <see cref="RefreshInterval"/> ago. When that read fails, the calendar read before is used and the
    /// failure is logged.
    /// </summary>
    public async Task<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = current;
        if (snapshot is null)
        {
            return (await ReloadAsync(cancellationToken).ConfigureAwait(false)).Calendar;
        }

        if (time.GetElapsedTime(snapshot.ReadStartedAt) < RefreshInterval)
        {
            return snapshot.Calendar;
        }

        try
        {
            return (await ReloadAsync(cancellationToken).ConfigureAwait(false)).Calendar;
        }
        catch (Exception exception) when (exception is Azure.RequestFailedException or InvalidDataException)
        {
            CalendarLog.RefreshFailed(logger, exception);
            return snapshot.Calendar;
        }
    }

    /// <summary>
    /// Runs <paramref name="compute"/> on the current calendar. When it reaches a year that is not covered, the
    /// stored years are read again and it runs once more.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">
    /// The year is not covered after the stored years were read again.
    /// </exception>
    public async Task<T> ComputeAsync<T>(
        Func<WorkingDayCalendar, T> compute, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var calendar = await GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return compute(calendar);
        }
        catch (CalendarYearMissingException missing)
        {
            CalendarLog.YearNotCovered(logger, missing.Year);
            var reloaded = await ReloadAsync(cancellationToken).ConfigureAwait(false);
            return compute(reloaded.Calendar);
        }
    }

    /// <summary>
    /// Reads the stored years now and returns the new calendar. Callers that wait for a read which started after
    /// their own call share its result, so concurrent callers read storage once.
    /// </summary>
    public async Task<WorkingDayCalendar> RefreshAsync(CancellationToken cancellationToken = default) =>
        (await ReloadAsync(cancellationToken).ConfigureAwait(false)).Calendar;

    /// <summary>Reads the stored years now and returns every covered year with its source, in year order.</summary>
    public async Task<IReadOnlyList<CalendarYearSource>> ListAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await ReloadAsync(cancellationToken).ConfigureAwait(false);
        var stored = snapshot.Stored.ToDictionary(s => s.Year.Year);
        var bundledYears = bundled.Years.Select(y => y.Year).ToHashSet();
        var sources = bundled.Years
            .Where(year => !stored.ContainsKey(year.Year))
            .Select(year => new CalendarYearSource(
                year.Year,
                CalendarSourceKind.Bundled,
                year.Holidays.Count,
                year.Workdays.Count,
                ReplacesBundled: false,
                Revision: null,
                LoadedAt: null,
                LoadedBy: null))
            .Concat(snapshot.Stored.Select(s => new CalendarYearSource(
                s.Year.Year, CalendarSourceKind.Stored, s.Year.Holidays.Count, s.Year.Workdays.Count,
                bundledYears.Contains(s.Year.Year), s.Revision, s.LoadedAt, s.LoadedBy)));
        return sources.OrderBy(source => source.Year).ToList();
    }

    /// <inheritdoc/>
    public void Dispose() => gate.Dispose();

    private async Task<Snapshot> ReloadAsync(CancellationToken cancellationToken)
    {
        var requestedAt = time.GetTimestamp();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A read that started after this call began returns every write made before the call, so its result
            // serves this call too.
            if (current is { } shared && shared.ReadStartedAt > requestedAt)
            {
                return shared;
            }

            var readStartedAt = time.GetTimestamp();
            var stored = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            var storedYears = stored.Select(s => s.Year.Year).ToHashSet();
            var years = bundled.Years
                .Where(year => !storedYears.Contains(year.Year))
                .Concat(stored.Select(s => s.Year));
            var snapshot = new Snapshot(WorkingDayCalendar.FromYears(years), stored, readStartedAt);
            if (current is null || !current.Calendar.Years.SequenceEqual(snapshot.Calendar.Years))
            {
                CalendarLog.YearsRead(logger, snapshot.Calendar.Years.Count, stored.Count);
            }

            current = snapshot;
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A calendar with the stored years it was built from and the timestamp when their read began.</summary>
    private sealed record Snapshot(
        WorkingDayCalendar Calendar, IReadOnlyList<StoredCalendarYear> Stored, long ReadStartedAt);
}
