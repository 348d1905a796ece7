using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Starts the deferred milestone instances whose dates the working-day calendar can count now, each with its
/// original start date. Runs after a calendar year is loaded, in the HTTP handler or the command that loaded it.
/// </summary>
public sealed class PendingMilestoneStarts(
    IPendingMilestoneStore pending,
    MilestoneSetStore sets,
    MilestoneInstances instances,
    WorkingDayCalendarProvider calendars,
    TimeProvider time,
    ILogger<PendingMilestoneStarts> logger)
{
    /// <summary>
    /// Reads the stored calendar years, then starts every pending instance whose dates can be counted and removes
    /// its pending start. Running it twice, or again after a crash, starts each instance once.
    /// </summary>
    public async Task<PendingStartReport> StartCountableAsync(
        DurableTaskClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var calendar = await calendars.RefreshAsync(cancellationToken);
        var setCache = new Dictionary<(string, int), MilestoneSet?>();
        var started = 0;
        var existing = 0;
        var waiting = new SortedDictionary<int, int>();
        foreach (var start in await pending.ListAsync(cancellationToken))
        {
            if (await client.GetInstanceAsync(start.InstanceId, cancellationToken) is not null)
            {
                // A load that stopped after starting the instance left its pending start behind.
                await pending.DeleteAsync(start.InstanceId, cancellationToken);
                existing++;
                continue;
            }

            var key = (start.SetId, start.Version);
            if (!setCache.TryGetValue(key, out var set))
            {
                set = await sets.GetAsync(start.SetId, start.Version, cancellationToken);
                setCache[key] = set;
            }

            var milestone = set?.Milestones.FirstOrDefault(m => m.MilestoneId == start.MilestoneId);
            if (milestone is null)
            {
                MilestoneLog.PendingStartSkipped(
                    logger, start.InstanceId,
                    $"set {start.SetId} version {start.Version} has no milestone {start.MilestoneId}");
                Count(waiting, start.MissingYear);
                continue;
            }

            MilestoneDates dates;
            try
            {
                dates = MilestoneDates.Resolve(milestone, calendar, start.StartDate);
            }
            catch (CalendarYearMissingException missing)
            {
                Count(waiting, missing.Year);
                continue;
            }
            catch (ValidationException invalid)
            {
                MilestoneLog.PendingStartSkipped(logger, start.InstanceId, invalid.Message);
                Count(waiting, start.MissingYear);
                continue;
            }

            var result = await instances.StartPendingAsync(
                client, start, milestone, dates, new MilestoneClock(time.GetUtcNow()), cancellationToken);
            if (result.Outcome == MilestoneStartOutcome.Started)
            {
                started++;
            }
            else
            {
                existing++;
            }
        }

        var report = new PendingStartReport(
            started, existing, waiting.Select(pair => new PendingYearCount(pair.Key, pair.Value)).ToList());
        MilestoneLog.PendingStartsProcessed(logger, started, existing, waiting.Values.Sum());
        return report;
    }

    /// <summary>Returns the pending starts by the year they wait for, in year order.</summary>
    public async Task<IReadOnlyList<PendingYearCount>> CountWaitingAsync(CancellationToken cancellationToken = default)
    {
        var starts = await pending.ListAsync(cancellationToken);
        return starts
            .GroupBy(start => start.MissingYear)
            .OrderBy(group => group.Key)
            .Select(group => new PendingYearCount(group.Key, group.Count()))
            .ToList();
    }

    private static void Count(SortedDictionary<int, int> waiting, int year) =>
        waiting[year] = waiting.GetValueOrDefault(year) + 1;
}
