using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Starts, signals and withdraws milestone orchestrations. The instance id is derived from the set, version,
/// milestone and office, so starting twice starts one instance.
/// </summary>
public sealed class MilestoneInstances(MilestoneSetStore sets, WorkingDayCalendar calendar)
{
    /// <summary>
    /// Returns <c>milestone-{setId}-v{version}-{filingKey}-{officeCode}</c>, where the filing key is the milestone
    /// id, or <c>{milestoneId}-{subjectId}</c> for a milestone followed once per subject.
    /// </summary>
    public static string InstanceId(string setId, int version, string filingKey, string officeCode) =>
        $"milestone-{setId}-v{version.ToString(CultureInfo.InvariantCulture)}-{filingKey}-{officeCode}";

    /// <summary>
    /// Stores the set unless stored, and starts one instance per office in scope of each fixed-date milestone.
    /// Instances that exist are left as they are. Returns the ids of the instances this call started.
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
    /// date counts from. Returns the instance id, or null when the instance existed.
    /// </summary>
    public Task<string?> StartAsync(
        DurableTaskClient client,
        MilestoneSet set,
        MilestoneDefinition milestone,
        string officeCode,
        DateOnly? startDate,
        MilestoneClock clock,
        CancellationToken cancellationToken = default) =>
        StartAsync(client, set, milestone, officeCode, null, startDate, clock, cancellationToken);

    /// <summary>
    /// Starts the instance of a milestone that is followed once per subject, for example the publication of one
    /// inspection result entered on <paramref name="startDate"/>. Returns the instance id, or null when it existed.
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
        return StartAsync(client, set, milestone, officeCode, subjectId, startDate, clock, cancellationToken);
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

    private async Task<string?> StartAsync(
        DurableTaskClient client,
        MilestoneSet set,
        MilestoneDefinition milestone,
        string officeCode,
        string? subjectId,
        DateOnly? startDate,
        MilestoneClock clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(milestone);
        var id = InstanceId(set.SetId, set.Version, MilestonePaths.FilingKey(milestone.MilestoneId, subjectId), officeCode);
        if (await client.GetInstanceAsync(id, cancellationToken) is not null)
        {
            return null;
        }

        var request = new MilestoneRequest(
            set.SetId,
            set.Version,
            milestone.MilestoneId,
            officeCode,
            MilestoneDates.Resolve(milestone, calendar, startDate),
            milestone.Escalation.IntervalDays,
            clock,
            subjectId);
        await client.ScheduleNewOrchestrationInstanceAsync(
            MilestoneTaskNames.Orchestrator, request, new StartOrchestrationOptions(id), cancellationToken);
        return id;
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
