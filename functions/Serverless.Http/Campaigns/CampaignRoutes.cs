using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Serverless.Http.Recusals;

namespace Serverless.Http.Campaigns;

/// <summary>Maps the campaign and recusal handlers as minimal API routes in the self-host.</summary>
public static class CampaignRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/campaigns", (HttpContext context, CampaignHandlers handlers, DurableTaskClient client) =>
            handlers.StartAsync(context, client));
        app.MapGet("/api/campaigns/{campaignId}", (
            HttpContext context, string campaignId, CampaignHandlers handlers, DurableTaskClient client) =>
            handlers.GetAsync(context, client, campaignId));
        app.MapPost("/api/campaigns/{campaignId}/cancel", (
            HttpContext context, string campaignId, CampaignHandlers handlers, DurableTaskClient client) =>
            handlers.CancelAsync(context, client, campaignId));
        app.MapPost("/api/draws/{drawId}/recusals", (HttpContext context, string drawId, RecusalHandlers handlers) =>
            handlers.RecordAsync(context, drawId));
    }
}
