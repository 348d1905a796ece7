using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Serverless.Host.Observability;

namespace Serverless.Host.Http;

/// <summary>
/// <c>GET /health</c>: 200 with <c>Healthy</c> when storage and the durable engine both answer, otherwise 503,
/// with each check's status, description and duration as JSON.
/// </summary>
internal static class HealthRoutes
{
    public const string Path = "/health";

    /// <summary>Longest a check may run before it counts as unhealthy.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers the storage and durable engine checks.</summary>
    public static IServiceCollection AddInspectionHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", HealthStatus.Unhealthy, timeout: CheckTimeout)
            .AddCheck<DurableEngineHealthCheck>("durable-engine", HealthStatus.Unhealthy, timeout: CheckTimeout);
        return services;
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(Path, new HealthCheckOptions { ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = (long)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = (long)entry.Value.Duration.TotalMilliseconds,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
