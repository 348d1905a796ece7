using Microsoft.DurableTask.Client;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Queries;
using Serverless.Workflows.Scheduling;

namespace Serverless.Host.Hosting;

/// <summary>Starts the draw of one plan slot through the scheduler's start-once path and waits for its end.</summary>
internal static class DrawRunner
{
    /// <summary>
    /// Starts the draw unless its instance exists, then polls until it ends, reporting its progress.
    /// Returns the summary, or raises when the orchestration failed.
    /// </summary>
    public static async Task<DrawSummary> RunAsync(
        HostRuntime runtime, string planId, DateTimeOffset slot, IProgress<DrawProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var scheduler = runtime.Services.GetRequiredService<DrawScheduler>();
        var drawId = DrawPaths.DrawId(planId, slot);
        await scheduler.StartOnceAsync(runtime.Client, TaskNames.DrawOrchestrator, drawId, new DrawRequest(planId, slot), cancellationToken);

        while (true)
        {
            var status = await DrawStatusQuery.GetAsync(runtime.Client, drawId, cancellationToken)
                ?? throw new InvalidOperationException($"Draw {drawId} was started but its instance is not found.");
            if (status.Progress is not null)
            {
                progress?.Report(status.Progress);
            }

            switch (status.Status)
            {
                case nameof(OrchestrationRuntimeStatus.Completed):
                    return status.Summary ?? throw new InvalidOperationException($"Draw {drawId} completed without a summary.");
                case nameof(OrchestrationRuntimeStatus.Failed):
                case nameof(OrchestrationRuntimeStatus.Terminated):
                    throw new InvalidOperationException($"Draw {drawId} {status.Status.ToLowerInvariant()}: {status.Failure}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
