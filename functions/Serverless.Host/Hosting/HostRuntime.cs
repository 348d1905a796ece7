using System.Net;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Console;
using Serverless.Host.Engine;
using Serverless.Host.Http;
using Serverless.Host.Local;
using Serverless.Host.Observability;
using Serverless.Host.Scheduling;
using Serverless.Http.Calendar;
using Serverless.Http.Campaigns;
using Serverless.Http.Inspections;
using Serverless.Http.Milestones;
using Serverless.Http.Public;
using Serverless.Http.Registry;
using Serverless.Shared.Storage;
using Serverless.Workflows;
using Serverless.Workflows.Campaigns;
using Serverless.Workflows.Milestones;
using Serverless.Workflows.Scheduling;

namespace Serverless.Host.Hosting;

/// <summary>
/// A running self-host: the durable engine on its Azure Storage backend, the workflows, optionally the HTTP
/// API and the scheduler, and the local Azurite it started when no storage account was configured.
/// </summary>
internal sealed class HostRuntime : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly AzuriteProcess? azurite;

    private HostRuntime(WebApplication app, AzuriteProcess? azurite, StorageContext storage)
    {
        this.app = app;
        this.azurite = azurite;
        Storage = storage;
    }

    public StorageContext Storage { get; }

    public IServiceProvider Services => app.Services;

    public DurableTaskClient Client => app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>True when this process started its own Azurite.</summary>
    public bool UsesLocalAzurite => azurite is not null;

    /// <summary>
    /// Starts the host. <paramref name="serve"/> adds the HTTP API and the scheduler's tick, and
    /// <paramref name="configureServices"/> runs after every service is registered, so it can replace one.
    /// <paramref name="registerMoreTasks"/> registers orchestrations and activities beside the product's.
    /// </summary>
    public static async Task<HostRuntime> StartAsync(
        HostSettings settings, bool serve, LogLevel minimumLevel, CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null,
        Action<DurableTaskRegistry>? registerMoreTasks = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var bootstrapLogging = LoggerFactory.Create(b => AddConsoleLogging(b).SetMinimumLevel(minimumLevel));
        var bootstrapLogger = bootstrapLogging.CreateLogger("Serverless.Host");

        AzuriteProcess? azurite = null;
        var connection = settings.StorageConnectionString;
        if (connection is null)
        {
            azurite = await AzuriteProcess.StartAsync(
                new AzuriteOptions { Location = Path.Combine(settings.DataDirectory, "azurite") }, bootstrapLogger, cancellationToken);
            connection = azurite.ConnectionString;
        }

        try
        {
            var storage = new StorageContext(connection, new StorageOptions { TablePrefix = settings.StoragePrefix });
            await storage.EnsureCreatedAsync(cancellationToken);
            var app = Build(settings, serve, minimumLevel, storage, connection, configureServices, registerMoreTasks);
            await app.StartAsync(cancellationToken);
            return new HostRuntime(app, azurite, storage);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    private static WebApplication Build(
        HostSettings settings, bool serve, LogLevel minimumLevel, StorageContext storage, string connection,
        Action<IServiceCollection>? configureServices, Action<DurableTaskRegistry>? registerMoreTasks)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        AddConsoleLogging(builder.Logging);
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);

        builder.Services
            .AddInspectionStorage(storage)
            .AddInspectionNotices(settings.Smtp, settings.NoticeFolder)
            .AddInspectionWorkflows();
        builder.Services.AddMilestones().AddMilestoneHttp();
        builder.Services.AddPublicPages();
        builder.Services.AddCampaignHandlers().AddApiKeyCallers();
        builder.Services.AddRegistryManagement(behindForwardingProxy: false);
        builder.Services.AddInspectionResultHandlers();
        builder.Services.AddCalendarHandlers();
        builder.AddInspectionTelemetry();
        builder.AddDurableEngine(
            EngineOptions(settings, connection),
            registry =>
            {
                registry.AddInspectionTasks().AddMilestoneTasks().AddCampaignTasks();
                registerMoreTasks?.Invoke(registry);
            });

        if (serve)
        {
            var endpoint = ParseUrl(settings.Urls);
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
            builder.Services.AddProblemDetails();
            builder.Services.AddInspectionHealthChecks();
            builder.Services.AddHostedService(provider => new CronTicker(
                settings.TickSchedule,
                provider.GetRequiredService<TimeProvider>(),
                (now, token) => provider.GetRequiredService<DrawScheduler>().TickAsync(
                    provider.GetRequiredService<DurableTaskClient>(), now, token),
                provider.GetRequiredService<ILogger<CronTicker>>()));
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDurableEngine();
        if (serve)
        {
            app.UseRateLimiter();
            DrawRoutes.Map(app);
            MilestoneRoutes.Map(app);
            PublicRoutes.Map(app);
            CampaignRoutes.Map(app);
            InspectionResultRoutes.Map(app);
            CalendarRoutes.Map(app);
            RegistryRoutes.Map(app);
            HealthRoutes.Map(app);
            OpenApiRoutes.Map(app);
        }

        return app;
    }

    private static DurableEngineOptions EngineOptions(HostSettings settings, string connection)
    {
        var options = new DurableEngineOptions { StorageConnectionString = connection, TaskHubName = settings.TaskHub };
        return options with
        {
            PartitionCount = settings.PartitionCount ?? options.PartitionCount,
            MaxConcurrentActivities = settings.MaxConcurrentActivities ?? options.MaxConcurrentActivities,
            MessageVisibilityTimeout = settings.MessageVisibilityTimeout ?? options.MessageVisibilityTimeout,
        };
    }

        private static IPEndPoint ParseUrl(string url)
    {
        var uri = new Uri(url.Split(';')[0].Replace("*", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute);
        var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(uri.Host);
        return new IPEndPoint(address, uri.Port);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>
    /// Adds single-line console logging on standard error, so that standard output carries only what a command
    /// prints, such as a new API key or the lines of a sortition.
    /// </summary>
    private static ILoggingBuilder AddConsoleLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(o => o.SingleLine = true);
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return logging;
    }
}
