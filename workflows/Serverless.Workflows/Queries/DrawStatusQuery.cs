using Microsoft.DurableTask.Client;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Queries;

/// <summary>Reads a draw's state for the HTTP API of both hosts.</summary>
public static class DrawStatusQuery
{
    /// <summary>Returns the draw's state, or null when no draw has that id.</summary>
    public static async Task<DrawStatus?> GetAsync(DurableTaskClient client, string drawId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(drawId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || instance.Name != TaskNames.DrawOrchestrator)
        {
            return null;
        }

        var completed = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed;
        return new DrawStatus(
            drawId,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<DrawProgress>(),
            completed ? instance.ReadOutputAs<DrawSummary>() : null,
            instance.FailureDetails?.ErrorMessage);
    }
}
