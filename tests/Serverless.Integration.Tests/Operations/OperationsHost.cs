using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;

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
        return new OperationsHost(runtime, address);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Runtime.DisposeAsync();
    }
}
