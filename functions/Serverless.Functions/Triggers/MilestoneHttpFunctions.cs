using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Http.Milestones;

namespace Serverless.Functions.Triggers;

/// <summary>HTTP triggers of milestones; the shared handlers write each response themselves.</summary>
public static class MilestoneHttpFunctions
{
    [Function("GetMilestoneStatus")]
    public static async Task<IActionResult> GetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "milestones/status")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MilestoneHandlers.GetStatusAsync(request.HttpContext);
        return new EmptyResult();
    }

    [Function("PostMilestoneSet")]
    public static async Task<IActionResult> PostSetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "milestones/sets")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MilestoneHandlers.PostSetAsync(request.HttpContext, client);
        return new EmptyResult();
    }

    [Function("PutMilestoneDocument")]
    public static async Task<IActionResult> PutDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "milestones/filings/{office}/{filingKey}/documents/{fileName}")]
        HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string office,
        string filingKey,
        string fileName)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MilestoneHandlers.PutDocumentAsync(request.HttpContext, client, office, filingKey, fileName);
        return new EmptyResult();
    }

    [Function("AcknowledgeMilestoneFiling")]
    public static async Task<IActionResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "milestones/filings/{office}/{filingKey}/acknowledgement")]
        HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string office,
        string filingKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        await MilestoneHandlers.AcknowledgeAsync(request.HttpContext, client, office, filingKey);
        return new EmptyResult();
    }
}
