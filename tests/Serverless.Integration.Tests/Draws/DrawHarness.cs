using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Scheduling;

namespace Serverless.Integration.Tests.Draws;

/// <summary>
/// A self-host runtime in this process on the shared Azurite, with its own table prefix and task hub, and an
/// in-process SMTP server that receives its notices.
/// </summary>
internal sealed class DrawHarness : IAsyncDisposable
{
    private DrawHarness(HostRuntime runtime, SmtpSink smtp, HostSettings settings)
    {
        Runtime = runtime;
        Smtp = smtp;
        Settings = settings;
    }

    public HostRuntime Runtime { get; }

    public SmtpSink Smtp { get; }

    public HostSettings Settings { get; }

    public DrawScheduler Scheduler => Runtime.Services.GetRequiredService<DrawScheduler>();

    public DrawVerifier Verifier => Runtime.Services.GetRequiredService<DrawVerifier>();

    public DurableTaskClient Client => Runtime.Client;

    /// <summary>
    /// Starts a runtime; <paramref name="urls"/> also serves the HTTP API and the scheduler's tick there, and
    /// <paramref name="configure"/> changes the settings before the start, and <paramref name="configureServices"/>
    /// replaces services after the host registered its own.
    /// </summary>
    public static async Task<DrawHarness> StartAsync(
        AzuriteFixture azurite, string name, string? urls = null, Func<HostSettings, HostSettings>? configure = null,
        Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var smtp = await SmtpSink.StartAsync();
        var settings = CreateSettings(azurite.ConnectionString, name, smtp.Port);
        if (urls is not null)
        {
            settings = settings with { Urls = urls };
        }

        if (configure is not null)
        {
            settings = configure(settings);
        }

        var runtime = await HostRuntime.StartAsync(
            settings, serve: urls is not null, LogLevel.Warning, CancellationToken.None, configureServices);
        return new DrawHarness(runtime, smtp, settings);
    }

    /// <summary>Settings with a unique prefix and task hub, so tests on one Azurite never see each other's data.</summary>
    public static HostSettings CreateSettings(string connectionString, string name, int smtpPort)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var prefix = $"t{name.ToLowerInvariant()}{unique}";
        var folder = Path.Combine(Path.GetTempPath(), "serverless-tests", prefix);
        var smtp = new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = smtpPort,
            TlsMode = SmtpTlsMode.None,
            FromAddress = "notices@inspection.example",
            FromName = "劳动保障监察",
        };
        return new HostSettings(
            connectionString, folder, Path.Combine(folder, "notices"), smtp, $"T{name}{unique}", "http://127.0.0.1:0", "0 */1 * * * *", prefix);
    }

    public Task SeedAsync(DrawTestData data, params DrawPlan[] plans) => SeedAsync(Runtime.Storage.Registry, data, plans);

    /// <summary>Stores the offices, items, officers, employers and plans of a test registry.</summary>
    public static async Task SeedAsync(IRegistryStore registry, DrawTestData data, params DrawPlan[] plans)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(data);
        await registry.UpsertOfficesAsync(data.Offices);
        await registry.UpsertItemsAsync(data.Items);
        await registry.UpsertOfficersAsync(data.Officers);
        await registry.UpsertEmployersAsync(data.Employers);
        foreach (var plan in plans)
        {
            await registry.UpsertPlanAsync(plan);
        }
    }

    /// <summary>
    /// Commits the seed a day before <paramref name="slot"/>, runs the draw of that slot of a seeded plan, and returns
    /// the record of one office.
    /// </summary>
    public async Task<OfficeDrawRecord> DrawAsync(string planId, DateTimeOffset slot, string officeCode)
    {
        await Scheduler.TickAsync(Client, slot.AddDays(-1));
        await WaitAsync(DrawPaths.CommitmentInstanceId(planId, slot));
        await Scheduler.TickAsync(Client, slot.AddMinutes(1));
        var drawId = DrawPaths.DrawId(planId, slot);
        await WaitForSummaryAsync(drawId);
        var record = await Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(drawId, officeCode))
            ?? throw new InvalidOperationException($"Draw {drawId} wrote no record for office {officeCode}.");
        return RecordJson.Deserialize<OfficeDrawRecord>(record);
    }

    /// <summary>Waits until an instance ends and returns its metadata with inputs and outputs.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(4));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellation.Token);
    }

    public async Task<DrawSummary> WaitForSummaryAsync(string drawId)
    {
        var instance = await WaitAsync(drawId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<DrawSummary>()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
