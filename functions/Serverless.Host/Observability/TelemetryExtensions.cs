using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Serverless.Host.Observability;

/// <summary>Registers the self-host's metrics, and its OpenTelemetry traces and metrics exporters.</summary>
internal static class TelemetryExtensions
{
    /// <summary>Service name of the self-host in exported telemetry.</summary>
    public const string ServiceName = "inspection-draws-selfhost";

    // Activity sources of the HTTP server, the Durable Task worker and client (one span per orchestration
    // and activity), the DurableTask.Core dispatcher, and the Azure SDK clients of storage.
    private static readonly string[] TraceSources =
        ["Microsoft.AspNetCore", "Microsoft.DurableTask", "DurableTask.Core", "Azure.*"];

    private static readonly string[] Meters =
        [InspectionMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    /// <summary>
    /// Adds <see cref="InspectionMetrics"/> fed from the log events, and the exporters that
    /// <see cref="TelemetrySettings"/> switches on. Call it after the logging providers are set up, because
    /// clearing the providers would remove the metrics provider.
    /// </summary>
    public static WebApplicationBuilder AddInspectionTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<InspectionMetrics>();
        builder.Services.AddSingleton<ILoggerProvider, MetricsLoggerProvider>();

        // The counters need Information events even when the console shows only warnings.
        builder.Logging.AddFilter<MetricsLoggerProvider>(null, LogLevel.Information);

        var settings = TelemetrySettings.Load(builder.Configuration);
        if (!settings.ExportsAnything)
        {
            return builder;
        }

        var credential = settings.AzureMonitorUsesEntraId ? CreateCredential(settings.AzureMonitorClientId) : null;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(TraceSources);
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }

                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    tracing.AddAzureMonitorTraceExporter(monitor => Configure(monitor, connection, credential));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (settings.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }

                if (settings.AzureMonitorConnectionString is { } connection)
                {
                    metrics.AddAzureMonitorMetricExporter(monitor => Configure(monitor, connection, credential));
                }
            });
        return builder;
    }

    private static void Configure(AzureMonitorExporterOptions options, string connection, TokenCredential? credential)
    {
        options.ConnectionString = connection;
        options.Credential = credential;
    }

    private static DefaultAzureCredential CreateCredential(string? clientId) =>
        new(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
