using Microsoft.DurableTask.Client;
using Serverless.Workflows.Queries;

namespace Serverless.Host.Http;

/// <summary>The self-host's HTTP routes; they call the same query code as the Functions triggers.</summary>
internal static class DrawRoutes
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/draws/{drawId}", async (string drawId, DurableTaskClient client, CancellationToken cancellationToken) =>
        {
            var status = await DrawStatusQuery.GetAsync(client, drawId, cancellationToken);
            return status is null
                ? Results.Problem(statusCode: 404, title: "Draw not found", detail: $"No draw has id '{drawId}'.")
                : Results.Ok(status);
        });
    }
}
