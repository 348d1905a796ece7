using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Functions.Triggers;

/// <summary>The milestone orchestration and its activities, handed to the host-independent classes.</summary>
public sealed class MilestoneOrchestrationFunctions(CheckMilestoneActivity check, SendMilestoneReminderActivity send)
{
    [Function(MilestoneTaskNames.Orchestrator)]
    public static Task<MilestoneResult> RunMilestone([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new MilestoneOrchestrator().RunAsync(context, context.GetInput<MilestoneRequest>()!);
    }

    [Function(MilestoneTaskNames.Check)]
    public Task<MilestoneProgress> CheckMilestone([ActivityTrigger] MilestoneCheck input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return check.ExecuteAsync(input, context.CancellationToken);
    }

    [Function(MilestoneTaskNames.SendReminder)]
    public Task<int> SendMilestoneReminder([ActivityTrigger] MilestoneReminder input, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return send.ExecuteAsync(input, context.CancellationToken);
    }
}
