using DurableTask.AzureStorage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Serverless.Host.Engine;

/// <summary>
/// Creates the task hub's queues, tables and blob containers while the host starts, so a client call made right
/// after start finds them. The sidecar's own create call does not await this work.
/// </summary>
internal sealed class TaskHubInitializer(
    AzureStorageOrchestrationService service, DurableEngineOptions options, ILogger<TaskHubInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        DurableEngineLog.CreatingTaskHub(logger, options.TaskHubName);
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        DurableEngineLog.TaskHubReady(logger, options.TaskHubName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
