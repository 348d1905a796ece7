using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Integration.Tests.Operations;

/// <summary>A self-host running <c>serve</c> (HTTP API, health, OpenAPI) on a free loopback port.</summary>
internal sealed class OperationsHost : IAsyncDisposable
{
    private OperationsHost(HostRuntime runtime, Uri address)
    {
        Runtime = runtime;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public HostRuntime Runtime { get; }

    public HttpClient Http { get; }

    public static async Task<OperationsHost> StartAsync(string connectionString, string name)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.PickFree()}/");
        var settings = DrawHarness.CreateSettings(connectionString, name, smtpPort: 25) with
        {
            Urls = address.ToString(),
        };
        var runtime = await HostRuntime.StartAsync(settings, serve: true, LogLevel.Warning, CancellationToken.None);
        await WaitForDispatcherAsync(runtime);
        return new OperationsHost(runtime, address);
    }

    /// <summary>
    /// Waits until the engine's dispatcher runs an orchestration. NOTE: stopping the host before the dispatcher
    /// has started makes AzureStorageOrchestrationService.StopAsync (DurableTask.AzureStorage 2.11.3) throw a
    /// NullReferenceException on a thread-pool thread, which ends the process.
    /// </summary>
    private static async Task WaitForDispatcherAsync(HostRuntime runtime)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var instanceId = await runtime.Client.ScheduleNewOrchestrationInstanceAsync(
            TaskNames.CommitmentOrchestrator,
            new CommitmentRequest("no-such-plan", DateTimeOffset.UnixEpoch),
            limit.Token);
        await runtime.Client.WaitForInstanceStartAsync(instanceId, limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Runtime.DisposeAsync();
    }
}
