using Grpc.Core;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Serverless.Host.Observability;

/// <summary>
/// Checks the durable engine end to end: the client asks the gRPC sidecar for an instance that never exists,
/// and the sidecar reads the task hub's instance table in storage to answer.
/// </summary>
internal sealed class DurableEngineHealthCheck(DurableTaskClient client) : IHealthCheck
{
    /// <summary>Instance id of the lookup; no orchestration is ever started with it.</summary>
    public const string ProbeInstanceId = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetInstanceAsync(ProbeInstanceId, getInputsAndOutputs: false, cancellationToken);
            return HealthCheckResult.Healthy("The task hub answered an instance query");
        }
        catch (RpcException exception)
        {
            return HealthCheckResult.Unhealthy(
                $"The durable engine's sidecar failed with gRPC status {exception.StatusCode}", exception);
        }
    }
}
