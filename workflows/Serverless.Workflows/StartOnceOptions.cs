using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Serverless.Workflows;

/// <summary>Start options for an instance id that must run once.</summary>
internal static class StartOnceOptions
{
    /// <summary>
    /// Returns options that make the backend reject a start of <paramref name="instanceId"/> while an instance with
    /// that id is pending, running, suspended or completed, where the backend detects it.
    /// </summary>
    public static StartOrchestrationOptions For(string instanceId) =>
        new StartOrchestrationOptions(instanceId).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending,
            OrchestrationRuntimeStatus.Running,
            OrchestrationRuntimeStatus.Suspended,
            OrchestrationRuntimeStatus.Completed);
}
