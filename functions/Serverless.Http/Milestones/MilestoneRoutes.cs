using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Http.Milestones;

/// <summary>Maps the milestone handlers as minimal API routes and registers their services, for the self-host.</summary>
public static class MilestoneRoutes
{
    /// <summary>Adds the status query; the workflows' <c>AddMilestones</c> adds the stores it reads.</summary>
    public static IServiceCollection AddMilestoneHttp(this IServiceCollection services)
    {
        services.AddTransient<MilestoneStatusQuery>();
        return services;
    }

    /// <summary>Maps the four milestone routes under <c>/api/milestones</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/milestones/status", MilestoneHandlers.GetStatusAsync);
        app.MapPost(
            "/api/milestones/sets",
            (HttpContext context, DurableTaskClient client) => MilestoneHandlers.PostSetAsync(context, client));
        app.MapPut(
            "/api/milestones/filings/{office}/{filingKey}/documents/{fileName}",
            (HttpContext context, DurableTaskClient client, string office, string filingKey, string fileName) =>
                MilestoneHandlers.PutDocumentAsync(context, client, office, filingKey, fileName));
        app.MapPost(
            "/api/milestones/filings/{office}/{filingKey}/acknowledgement",
            (HttpContext context, DurableTaskClient client, string office, string filingKey) =>
                MilestoneHandlers.AcknowledgeAsync(context, client, office, filingKey));
    }
}
