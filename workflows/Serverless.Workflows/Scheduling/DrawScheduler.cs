using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Logging;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Scheduling;

/// <summary>
/// The timer's work: for every plan, starts the commitment of the next slot when it falls within the
/// commitment lead, and one draw per slot that is due. Instance ids come from the plan and the slot, so a
/// second tick, a second host or a restart never starts a second draw of a slot. The draw activities are
/// idempotent as well, so even a re-run instance writes and sends nothing twice.
/// </summary>
public sealed class DrawScheduler(IRegistryStore registry, IRecordStore records, SchedulerOptions options, ILogger<DrawScheduler> logger)
{
    /// <summary>Runs one tick and returns the ids of the instances it started.</summary>
    public async Task<IReadOnlyList<string>> TickAsync(DurableTaskClient client, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var started = new List<string>();
        foreach (var plan in await registry.ListPlansAsync(cancellationToken))
        {
            try
            {
                started.AddRange(await TickPlanAsync(client, plan, now, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One broken plan must not stop the others; the next tick tries it again.
                WorkflowLog.PlanSchedulingFailed(logger, exception, plan.PlanId);
            }
        }

        return started;
    }

    private async Task<IReadOnlyList<string>> TickPlanAsync(
        DurableTaskClient client, DrawPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = new PlanSchedule(plan.Schedule);
        var started = new List<string>();

        // Slots before the scheduler first saw a plan are not caught up: a new plan starts with its next slot.
        var firstSeen = await FirstSeenAsync(plan.PlanId, now, cancellationToken);
        var from = firstSeen > now - options.CatchUpWindow ? firstSeen : now - options.CatchUpWindow;

        // Another host whose clock runs ahead may have stored a first-seen time later than this tick's.
        var due = from < now ? schedule.SlotsBetween(from, now) : [];
        foreach (var slot in due)
        {
            var id = DrawPaths.DrawId(plan.PlanId, slot);
            if (await StartOnceAsync(client, TaskNames.DrawOrchestrator, id, new DrawRequest(plan.PlanId, slot), cancellationToken))
            {
                started.Add(id);
            }
        }

        var next = schedule.NextAfter(now);
        if (plan.EntropySources.Count == 0 && next is { } upcoming && upcoming - now <= options.CommitmentLead)
        {
            var id = DrawPaths.CommitmentInstanceId(plan.PlanId, upcoming);
            if (await StartOnceAsync(client, TaskNames.CommitmentOrchestrator, id, new CommitmentRequest(plan.PlanId, upcoming), cancellationToken))
            {
                started.Add(id);
            }
        }

        return started;
    }

    private async Task<DateTimeOffset> FirstSeenAsync(string planId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = $"private/schedule/{planId}.txt";
        await records.TryWriteOnceAsync(path, BinaryData.FromString(now.ToString("o", System.Globalization.CultureInfo.InvariantCulture)),
            "text/plain; charset=utf-8", cancellationToken);
        var stored = await records.ReadAsync(path, cancellationToken);
        return stored is null ? now : DateTimeOffset.Parse(stored.ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Starts an instance unless one with that id exists. Returns true when this call started it.</summary>
    public async Task<bool> StartOnceAsync(
        DurableTaskClient client, string orchestrator, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            WorkflowLog.InstanceExists(logger, instanceId);
            return false;
        }

        // Two hosts can pass the check above at once, and the Azure Storage backend (2.11.3) then accepts both
        // starts, so a write-once claim picks the one host that starts the instance.
        if (!await TryClaimStartAsync(client, instanceId, cancellationToken))
        {
            WorkflowLog.StartClaimedElsewhere(logger, instanceId);
            return false;
        }

        // A host that took over a stale claim can still race the host that made it. The dedupe statuses make the
        // backend reject the later start where it detects it, because by default it would run the instance again.
        var options = StartOnceOptions.For(instanceId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, options, cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            WorkflowLog.InstanceExists(logger, instanceId);
            return false;
        }

        WorkflowLog.InstanceStarted(logger, orchestrator, instanceId);
        return true;
    }

    /// <summary>
    /// Writes the start claim of an instance once. A claim older than <see cref="SchedulerOptions.StartClaimTimeout"/>
    /// whose instance still does not exist belongs to a host that stopped before starting it, so the next claim
    /// (a new blob, again written once) takes over. Returns true when this call wrote the claim.
    /// </summary>
    private async Task<bool> TryClaimStartAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"private/starts/{instanceId}.{attempt}.txt");
            var now = DateTimeOffset.UtcNow;
            if (await records.TryWriteOnceAsync(
                path, BinaryData.FromString(now.ToString("o", CultureInfo.InvariantCulture)), "text/plain; charset=utf-8", cancellationToken))
            {
                return true;
            }

            var stored = await records.ReadAsync(path, cancellationToken);
            var claimedAt = stored is null ? now : DateTimeOffset.Parse(stored.ToString(), CultureInfo.InvariantCulture);
            if (now - claimedAt < options.StartClaimTimeout
                || await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
            {
                return false;
            }
        }
    }
}
