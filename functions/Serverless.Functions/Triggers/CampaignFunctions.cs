using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Http.Campaigns;
using Serverless.Http.Recusals;

namespace Serverless.Functions.Triggers;

/// <summary>
/// HTTP triggers of campaigns and recusals. The shared handlers write the whole response, so each trigger returns
/// an empty result. Callers are identified by App Service authentication's client principal header.
/// </summary>
public sealed class CampaignFunctions(CampaignHandlers campaigns, RecusalHandlers recusals)
{
    /// <summary><c>POST /api/campaigns</c>.</summary>
    [Function("StartCampaign")]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await campaigns.StartAsync(request.HttpContext, client);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/campaigns/{campaignId}</c>.</summary>
    [Function("GetCampaign")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "campaigns/{campaignId}")] HttpRequest request,
        string campaignId,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await campaigns.GetAsync(request.HttpContext, client, campaignId);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/campaigns/{campaignId}/cancel</c>.</summary>
    [Function("CancelCampaign")]
    public async Task<IActionResult> CancelAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "campaigns/{campaignId}/cancel")] HttpRequest request,
        string campaignId,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await campaigns.CancelAsync(request.HttpContext, client, campaignId);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/draws/{drawId}/recusals</c>.</summary>
    [Function("RecordRecusal")]
    public async Task<IActionResult> RecordRecusalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "draws/{drawId}/recusals")] HttpRequest request,
        string drawId)
    {
        ArgumentNullException.ThrowIfNull(request);
        await recusals.RecordAsync(request.HttpContext, drawId);
        return new EmptyResult();
    }
}
