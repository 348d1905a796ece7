using Microsoft.Extensions.Hosting;

namespace Serverless.Host.Engine;

/// <summary>
/// Starts a hosted service only after every hosted service has started, Kestrel included, and stops it before
/// any of them stops. The Durable Task worker runs in this wrapper, so it connects only once the sidecar
/// accepts connections and it closes its work-item stream before Kestrel waits for open requests to end.
/// </summary>
internal sealed class DeferredHostedService(IHostedService inner) : IHostedLifecycleService
{
    private readonly Lock gate = new();
    private bool started;
    private bool stopping;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (stopping)
            {
                return Task.CompletedTask;
            }

            started = true;
        }

        return inner.StartAsync(cancellationToken);
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            stopping = true;
            if (!started)
            {
                return Task.CompletedTask;
            }
        }

        return inner.StopAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
