using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Starts, signals and withdraws milestone orchestrations. The instance id is derived from the set, version,
/// milestone and office, so starting twice starts one instance. A start whose dates reach a year the working-day
/// calendar lacks is stored in <see cref="IPendingMilestoneStore"/> and made by <see cref="PendingMilestoneStarts"/>
/// when that year is loaded. Dates are counted here, on the client side, never in an orchestrator.
/// </summary>
public sealed class MilestoneInstances(
    MilestoneSetStore sets,
    WorkingDayCalendarProvider calendars,
    IPendingMilestoneStore pending,
    TimeProvider time,
    ILogger<MilestoneInstances> logger)
{
    /// <summary>Age after which a claim to start a pending instance counts as abandoned by a stopped host.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Returns <c>milestone-{setId}-v{version}-{filingKey}-{officeCode}</c>, where the filing key is the milestone
    /// id, or <c>{milestoneId}-{subjectId}</c> for a milestone followed once per subject.
    /// </summary>
    public static string InstanceId(string setId, int version, string filingKey, string officeCode) =>
        $"milestone-{setId}-v{version.ToString(CultureInfo.InvariantCulture)}-{filingKey}-{officeCode}";

    /// <summary>
    /// Stores the set unless stored, and starts one instance per office in scope of each fixed-date milestone.
    /// Instances that exist are left as they are, and those whose dates the calendar cannot count yet are deferred.
    /// Returns the ids of the instances this call started.
    /// </summary>
    public async Task<IReadOnlyList<string>> StartSetAsync(
        DurableTaskClient client, MilestoneSet set, OfficeTree tree, MilestoneClock clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(tree);
        await sets.TryAddAsync(set, cancellationToken);
        var started = new List<string>();
        var offices = tree.Offices.OrderBy(o => o.Code, StringComparer.Ordinal).ToList();
        foreach (var milestone in set.Milestones.Where(m => m.DueDate is not null))
        {
            foreach (var office in offices.Where(milestone.Scope.Includes))
            {
                var id = await StartAsync(client, set, milestone, office.Code, null, clock, cancellationToken);
                if (id is not null)
                {
                    started.Add(id);
                }
            }
        }

        return started;
    }

    /// <summary>
    /// Starts the instance of one milestone and office; <paramref name="startDate"/> is the date a relative due
    /// date counts from. Returns the instance id, or null when the instance existed or its start is deferred.
    /// </summary>
    public Task<string?> StartAsync(
        DurableTaskClient client,
        MilestoneSet set,
        MilestoneDefinition milestone,
        string officeCode,
        DateOnly? startDate,
        MilestoneClock clock,
        CancellationToken cancellationToken = default) =>
        StartedIdAsync(
            StartOrDeferAsync(client, set, milestone, officeCode, null, startDate, clock, cancellationToken));

    /// <summary>
    /// Starts the instance of a milestone that is followed once per subject, for example the publication of one
    /// inspection result entered on <paramref name="startDate"/>. Returns the instance id, or null when it existed or
    /// its start is deferred.
    /// </summary>
    public Task<string?> StartForSubjectAsync(
        DurableTaskClient client,
        MilestoneSet set,
        MilestoneDefinition milestone,
        string officeCode,
        string subjectId,
        DateOnly startDate,
        MilestoneClock clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return StartedIdAsync(
            StartOrDeferAsync(client, set, milestone, officeCode, subjectId, startDate, clock, cancellationToken));
    }

    /// <summary>
    /// Starts an instance unless it exists, or defers its start while the working-day calendar lacks a year that its
    /// dates reach. A deferred start keeps the first <paramref name="startDate"/> given for the instance, so its due
    /// date is the one a complete calendar gives, however late the year is loaded.
    /// </summary>
    public async Task<MilestoneStart> StartOrDeferAsync(
        DurableTaskClient client,
        MilestoneSet set,
        MilestoneDefinition milestone,
        string officeCode,
        string? subjectId,
        DateOnly? startDate,
        MilestoneClock clock,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(milestone);
        var filingKey = MilestonePaths.FilingKey(milestone.MilestoneId, subjectId);
        var id = InstanceId(set.SetId, set.Version, filingKey, officeCode);
        if (await client.GetInstanceAsync(id, cancellationToken) is not null)
        {
            return new MilestoneStart(id, MilestoneStartOutcome.Existing, null, null, null);
        }

        var waiting = await pending.GetAsync(id, cancellationToken);
        var (dates, missingYear) = await TryResolveAsync(
            milestone, waiting?.StartDate ?? startDate, refresh: false, cancellationToken);
        if (dates is null)
        {
            waiting ??= await pending.AddIfMissingAsync(
                new PendingMilestoneStart(
                    id, set.SetId, set.Version, milestone.MilestoneId, officeCode, subjectId, startDate,
                    missingYear ?? 0, time.GetUtcNow()),
                cancellationToken);

            // A calendar load that ran between the first count and the add found nothing to start, so the stored
            // years are read again now that the pending start is visible to every later load.
            (dates, missingYear) = await TryResolveAsync(
                milestone, waiting.StartDate, refresh: true, cancellationToken);
            if (dates is null)
            {
                MilestoneLog.StartDeferred(logger, id, missingYear ?? 0);
                return new MilestoneStart(id, MilestoneStartOutcome.Deferred, waiting.StartDate, null, missingYear);
            }
        }

        if (waiting is not null)
        {
            return await StartPendingAsync(client, waiting, milestone, dates, clock, cancellationToken);
        }

        var request = CreateRequest(set.SetId, set.Version, milestone, officeCode, subjectId, dates, clock);
        return await ScheduleAsync(client, id, request, cancellationToken)
            ? new MilestoneStart(id, MilestoneStartOutcome.Started, startDate, dates.DueDate, null)
            : new MilestoneStart(id, MilestoneStartOutcome.Existing, null, null, null);
    }

    /// <summary>
    /// Starts a pending instance with the dates counted from its stored start date, then removes the pending start.
    /// Only the caller that claims the pending start starts it, so concurrent calendar loads start it once, and a
    /// load repeated after a crash removes a pending start whose instance exists.
    /// </summary>
    internal async Task<MilestoneStart> StartPendingAsync(
        DurableTaskClient client,
        PendingMilestoneStart waiting,
        MilestoneDefinition milestone,
        MilestoneDates dates,
        MilestoneClock clock,
        CancellationToken cancellationToken)
    {
        var id = waiting.InstanceId;
        if (!await pending.TryClaimAsync(id, time.GetUtcNow(), ClaimTimeout, cancellationToken))
        {
            return new MilestoneStart(id, MilestoneStartOutcome.Existing, waiting.StartDate, dates.DueDate, null);
        }

        var request = CreateRequest(
            waiting.SetId, waiting.Version, milestone, waiting.OfficeCode, waiting.SubjectId, dates, clock);
        var started = await client.GetInstanceAsync(id, cancellationToken) is null
            && await ScheduleAsync(client, id, request, cancellationToken);
        await pending.DeleteAsync(id, cancellationToken);
        if (started)
        {
            MilestoneLog.PendingStarted(logger, id);
        }

        var outcome = started ? MilestoneStartOutcome.Started : MilestoneStartOutcome.Existing;
        return new MilestoneStart(id, outcome, waiting.StartDate, dates.DueDate, null);
    }

    /// <summary>Tells the instance measured on one filing folder that a document or acknowledgement arrived.</summary>
    public static Task RaiseFilingChangedAsync(
        DurableTaskClient client, MilestoneSet set, string officeCode, string filingKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        return RaiseAsync(
            client, InstanceId(set.SetId, set.Version, filingKey, officeCode), MilestoneEvents.DataChanged, cancellationToken);
    }

    private static async Task<string?> StartedIdAsync(Task<MilestoneStart> start)
    {
        var result = await start;
        return result.Outcome == MilestoneStartOutcome.Started ? result.InstanceId : null;
    }

    /// <summary>
    /// Counts the dates of a milestone, reading the stored calendar years first when <paramref name="refresh"/> is
    /// set. Returns the dates, or null and the year the calendar lacks.
    /// </summary>
    private async Task<(MilestoneDates? Dates, int? MissingYear)> TryResolveAsync(
        MilestoneDefinition milestone, DateOnly? startDate, bool refresh, CancellationToken cancellationToken)
    {
        try
        {
            if (refresh)
            {
                var calendar = await calendars.RefreshAsync(cancellationToken);
                return (MilestoneDates.Resolve(milestone, calendar, startDate), null);
            }

            var dates = await calendars.ComputeAsync(
                calendar => MilestoneDates.Resolve(milestone, calendar, startDate), cancellationToken);
            return (dates, null);
        }
        catch (CalendarYearMissingException missing)
        {
            return (null, missing.Year);
        }
    }

    private static MilestoneRequest CreateRequest(
        string setId,
        int version,
        MilestoneDefinition milestone,
        string officeCode,
        string? subjectId,
        MilestoneDates dates,
        MilestoneClock clock) =>
        new(
            setId, version, milestone.MilestoneId, officeCode, dates, milestone.Escalation.IntervalDays, clock,
            subjectId);

    /// <summary>Schedules the instance, and returns false when the backend reports that it exists.</summary>
    private static async Task<bool> ScheduleAsync(
        DurableTaskClient client, string instanceId, MilestoneRequest request, CancellationToken cancellationToken)
    {
        // The dedupe statuses make the backend reject a second start that it detects, for example one racing a
        // calendar load that took over a stale claim.
        var options = StartOnceOptions.For(instanceId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                MilestoneTaskNames.Orchestrator, request, options, cancellationToken);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Tells every running milestone instance of an office in a set that its data changed.</summary>
    public static async Task RaiseDataChangedAsync(
        DurableTaskClient client, MilestoneSet set, string officeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        foreach (var milestone in set.Milestones)
        {
            await RaiseAsync(client, InstanceId(set.SetId, set.Version, milestone.MilestoneId, officeCode),
                MilestoneEvents.DataChanged, cancellationToken);
        }
    }

    /// <summary>
    /// Tells the running roster and registry instances of a set that registry rows of an office changed: the
    /// instances of that office, of the offices above it (whose registry counts include it) and of the offices below
    /// it (whose rows a city or the province may have imported).
    /// </summary>
    public static async Task RaiseRegistryChangedAsync(
        DurableTaskClient client, MilestoneSet set, OfficeTree tree, string officeCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(tree);
        var milestones = set.Milestones
            .Where(m => m.Measure is CompletionMeasure.Roster or CompletionMeasure.Registry)
            .ToList();
        var offices = tree.Offices
            .Where(o => tree.IsSameOrBelow(o.Code, officeCode) || tree.IsSameOrBelow(officeCode, o.Code));
        foreach (var office in offices)
        {
            foreach (var milestone in milestones)
            {
                await RaiseAsync(client, InstanceId(set.SetId, set.Version, milestone.MilestoneId, office.Code),
                    MilestoneEvents.DataChanged, cancellationToken);
            }
        }
    }

    /// <summary>Withdraws one milestone: every running instance of it ends.</summary>
    public static async Task WithdrawAsync(
        DurableTaskClient client, MilestoneSet set, string milestoneId, OfficeTree tree, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(tree);
        foreach (var office in tree.Offices)
        {
            await RaiseAsync(client, InstanceId(set.SetId, set.Version, milestoneId, office.Code),
                MilestoneEvents.Withdrawn, cancellationToken);
        }
    }

    private static async Task RaiseAsync(DurableTaskClient client, string instanceId, string eventName, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is { IsRunning: true })
        {
            await client.RaiseEventAsync(instanceId, eventName, eventName, cancellationToken);
        }
    }
}
