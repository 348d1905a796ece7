using Microsoft.DurableTask;

namespace Serverless.Workflows.Orchestrations;

/// <summary>
/// Commits to a random seed and freezes the pools of a scheduled draw before its draw day.
/// </summary>
public sealed class CommitmentOrchestrator : TaskOrchestrator<CommitmentRequest, CommitmentResult>
{
    public override Task<CommitmentResult> RunAsync(TaskOrchestrationContext context, CommitmentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<CommitmentResult>(TaskNames.CommitSeed, input, RetryOptions.Standard);
    }
}
