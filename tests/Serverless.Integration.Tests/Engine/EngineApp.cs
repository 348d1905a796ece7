using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Engine;

namespace Serverless.Integration.Tests.Engine;

/// <summary>A started web application with the durable engine and the test tasks, for one test.</summary>
internal sealed class EngineApp : IAsyncDisposable
{
    private EngineApp(WebApplication app) => App = app;

    public WebApplication App { get; }

    public DurableTaskClient Client => App.Services.GetRequiredService<DurableTaskClient>();

    public int SidecarPort => App.Services.GetRequiredService<SidecarEndpoint>().Port;

    /// <summary>Returns a task hub name unique to one test: letters and digits, starting with a letter.</summary>
    public static string NewTaskHubName() => "Test" + Guid.NewGuid().ToString("N")[..20];

    public static async Task<EngineApp> StartAsync(string connectionString, string taskHubName, int generation = 1)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(new EngineGeneration(generation));
        builder.AddDurableEngine(
            new DurableEngineOptions
            {
                StorageConnectionString = connectionString,
                TaskHubName = taskHubName,
                PartitionCount = 2,
            },
            registry => registry
                .AddOrchestrator<FanOutOrchestrator>()
                .AddActivity<SquareActivity>()
                .AddOrchestrator<TimerOrchestrator>()
                .AddActivity<CountRunActivity>()
                .AddActivity<GenerationActivity>());

        var app = builder.Build();
        app.MapDurableEngine();
        await app.StartAsync();
        return new EngineApp(app);
    }

    /// <summary>Waits for the instance to finish. The 2-minute limit only keeps a broken engine from hanging.</summary>
    public async Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, limit.Token);
    }

    /// <summary>
    /// Polls <paramref name="condition"/>. The 1-minute limit only keeps a broken engine from hanging.
    /// </summary>
    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
