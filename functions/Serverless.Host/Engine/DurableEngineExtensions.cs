using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Host.Local;

namespace Serverless.Host.Engine;

/// <summary>
/// Hosts the Durable Task engine in an ASP.NET Core application: the Azure Storage backend, the gRPC sidecar
/// that serves it on a loopback HTTP/2 endpoint, and the worker and client that talk to the sidecar.
/// </summary>
public static class DurableEngineExtensions
{
    /// <summary>
    /// Registers the backend, the sidecar, the worker with the tasks from <paramref name="registerTasks"/>, and a
    /// <see cref="DurableTaskClient"/>. Call <see cref="MapDurableEngine"/> after building the application.
    /// </summary>
    /// <remarks>
    /// The sidecar listens on 127.0.0.1 with HTTP/2 only. Because it is bound in code, Kestrel ignores the
    /// <c>urls</c> setting, so an application that serves HTTP binds its own endpoint with
    /// <c>ConfigureKestrel</c>, and that endpoint keeps Kestrel's default protocols.
    /// </remarks>
    /// <exception cref="Serverless.Shared.Domain.ValidationException">A setting in <paramref name="options"/> is
    /// invalid.</exception>
    public static WebApplicationBuilder AddDurableEngine(this WebApplicationBuilder builder,
        DurableEngineOptions options, Action<DurableTaskRegistry> registerTasks)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registerTasks);
        options.Validate();
        if (builder.Services.Any(descriptor => descriptor.ServiceType == typeof(SidecarEndpoint)))
        {
            throw new InvalidOperationException("The durable engine has already been added to this application.");
        }

        var endpoint = new SidecarEndpoint(options.GrpcPort == 0 ? LoopbackPorts.PickFree() : options.GrpcPort);
        var workerId = options.WorkerId ?? CreateWorkerId();
        var services = builder.Services;

        services.AddSingleton(options);
        services.AddSingleton(new DurableEngineWorkerId(workerId));
        services.AddSingleton(_ => endpoint);
        services.AddSingleton(provider => CreateService(options, workerId, provider));
        services.AddSingleton<IOrchestrationService>(provider => new StartGuardedOrchestrationService(
            provider.GetRequiredService<AzureStorageOrchestrationService>()));
        services.AddSingleton<IOrchestrationServiceClient>(
            provider => provider.GetRequiredService<AzureStorageOrchestrationService>());
        services.AddHostedService<TaskHubInitializer>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);

        services.AddGrpc();
        services.AddSingleton<TaskHubGrpcServer>();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));

        AddWorker(services, options, endpoint, registerTasks);
        services.AddDurableTaskClient(client => client.UseGrpc(endpoint.Channel));
        return builder;
    }

    /// <summary>
    /// Maps the sidecar's gRPC service to its loopback endpoint only, so the application's own endpoints do not
    /// serve it.
    /// </summary>
    public static WebApplication MapDurableEngine(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var endpoint = app.Services.GetService<SidecarEndpoint>() ?? throw new InvalidOperationException(
            $"Call {nameof(AddDurableEngine)} on the builder before {nameof(MapDurableEngine)}.");
        var options = app.Services.GetRequiredService<DurableEngineOptions>();
        var workerId = app.Services.GetRequiredService<DurableEngineWorkerId>();

        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{endpoint.Port}");
        DurableEngineLog.SidecarMapped(app.Logger, options.TaskHubName, endpoint.Address, workerId.Value);
        return app;
    }

    private static AzureStorageOrchestrationService CreateService(DurableEngineOptions options, string workerId,
        IServiceProvider provider) =>
        new(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
            TaskHubName = options.TaskHubName,
            WorkerId = workerId,
            PartitionCount = options.PartitionCount,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
            ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,

            // A start whose instance id exists in one of the caller's dedupe statuses then fails with
            // OrchestrationAlreadyExistsException. By default the backend drops such a start silently.
            ThrowExceptionOnInvalidDedupeStatus = true,
        });

    private static void AddWorker(IServiceCollection services, DurableEngineOptions options,
        SidecarEndpoint endpoint, Action<DurableTaskRegistry> registerTasks)
    {
        var hostedServicesBefore = services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(registerTasks);
            worker.UseGrpc(endpoint.Channel);
            worker.Configure(worker =>
            {
                worker.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                worker.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
            });
        });

        var added = services.Where(d => d.ServiceType == typeof(IHostedService) && !hostedServicesBefore.Contains(d))
            .ToList();
        foreach (var descriptor in added)
        {
            services.Remove(descriptor);
            services.AddSingleton<IHostedService>(
                provider => new DeferredHostedService((IHostedService)CreateInstance(descriptor, provider)));
        }
    }

    private static object CreateInstance(ServiceDescriptor descriptor, IServiceProvider provider) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    private static string CreateWorkerId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
