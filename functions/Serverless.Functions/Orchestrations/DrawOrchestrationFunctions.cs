using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Functions.Orchestrations;

/// <summary>Orchestration triggers that hand each instance to the host-independent orchestrator classes.</summary>
public static class DrawOrchestrationFunctions
{
    [Function(TaskNames.DrawOrchestrator)]
    public static Task<DrawSummary> RunDraw([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new DrawOrchestrator().RunAsync(context, context.GetInput<DrawRequest>()!);
    }

    [Function(TaskNames.CommitmentOrchestrator)]
    public static Task<CommitmentResult> RunCommitment([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CommitmentOrchestrator().RunAsync(context, context.GetInput<CommitmentRequest>()!);
    }
}
