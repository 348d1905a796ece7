using Microsoft.DurableTask;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Follows one milestone of one office: reminds the office at each offset before the due date and on it, then
/// escalates to the office above at an interval until the milestone is met. Before each step it reads the data
/// again, and a <see cref="MilestoneEvents.DataChanged"/> event makes it read them at once, so it ends as soon
/// as the milestone is met; <see cref="MilestoneEvents.Withdrawn"/> ends it too. Timers are computed from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> only.
/// </summary>
/// <remarks>
/// Steps whose time had passed when the instance started are skipped, so a late start sends no burst of
/// reminders. A step missed later, for example while no host ran, is sent late.
/// NOTE: every escalation adds a few history events; a milestone left unmet for years grows its history
/// without limit, because the instance does not continue as new.
/// </remarks>
public sealed class MilestoneOrchestrator : TaskOrchestrator<MilestoneRequest, MilestoneResult>
{
    public override async Task<MilestoneResult> RunAsync(TaskOrchestrationContext context, MilestoneRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<MilestoneOrchestrator>();
        var schedule = new MilestoneSchedule(input, context.CurrentUtcDateTime);
        var check = new MilestoneCheck(
            input.SetId, input.Version, input.MilestoneId, input.OfficeCode, input.Dates.DueDate, input.SubjectId);
        var sent = new List<string>();

        if ((await CheckAsync(context, check)).Done)
        {
            return End(context, schedule, MilestoneOutcome.Met, sent);
        }

        for (var index = 0; ; index++)
        {
            var step = schedule.StepAt(index);
            var fireAt = schedule.ToOrchestrationTime(MilestoneSchedule.PlanInstantOf(step.Date));
            if (fireAt < schedule.Start)
            {
                continue;
            }

            var waited = await WaitAsync(context, check, fireAt);
            if (waited is { } ended)
            {
                return End(context, schedule, ended, sent);
            }

            var progress = await CheckAsync(context, check);
            if (progress.Done)
            {
                return End(context, schedule, MilestoneOutcome.Met, sent);
            }

            await context.CallActivityAsync<int>(
                MilestoneTaskNames.SendReminder,
                new MilestoneReminder(context.InstanceId, check, step, progress.Missing),
                MilestoneRetry.Standard);
            sent.Add(step.StepId);
            MilestoneLog.StepSent(logger, context.InstanceId, step.StepId);
        }
    }

    /// <summary>
    /// Waits until <paramref name="fireAt"/>; returns the outcome when the milestone is withdrawn or met in the
    /// meantime, or null when the time came.
    /// </summary>
    private static async Task<MilestoneOutcome?> WaitAsync(TaskOrchestrationContext context, MilestoneCheck check, DateTime fireAt)
    {
        while (fireAt > context.CurrentUtcDateTime)
        {
            using var cancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(fireAt, cancellation.Token);
            var changed = context.WaitForExternalEvent<string>(MilestoneEvents.DataChanged, cancellation.Token);
            var withdrawn = context.WaitForExternalEvent<string>(MilestoneEvents.Withdrawn, cancellation.Token);
            var first = await Task.WhenAny(timer, changed, withdrawn);
            // Cancel synchronously: CancelAsync runs the callbacks on the thread pool, and an orchestrator that
            // resumes there finishes outside the engine's replay, which then records no completion at all.
            cancellation.Cancel();
            if (first == withdrawn)
            {
                return MilestoneOutcome.Withdrawn;
            }

            if (first == timer)
            {
                // A timer of the Azure Storage backend can fire slightly before its time, which a scaled clock turns
                // into hours of plan time, so the loop waits again for what is left instead of sending early.
                continue;
            }

            if ((await CheckAsync(context, check)).Done)
            {
                return MilestoneOutcome.Met;
            }
        }

        return null;
    }

    private static Task<MilestoneProgress> CheckAsync(TaskOrchestrationContext context, MilestoneCheck check) =>
        context.CallActivityAsync<MilestoneProgress>(MilestoneTaskNames.Check, check, MilestoneRetry.Standard);

    private static MilestoneResult End(
        TaskOrchestrationContext context, MilestoneSchedule schedule, MilestoneOutcome outcome, List<string> sent)
    {
        var logger = context.CreateReplaySafeLogger<MilestoneOrchestrator>();
        MilestoneLog.Ended(logger, context.InstanceId, outcome, sent.Count);
        return new MilestoneResult(outcome, sent, schedule.ToPlanTime(context.CurrentUtcDateTime));
    }
}
