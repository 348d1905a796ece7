using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Http.Inspections;

namespace Serverless.Functions.Triggers;

/// <summary>
/// HTTP trigger that enters an inspection result. The shared handler writes the whole response, so the trigger
/// returns an empty result. Callers are identified by App Service authentication's client principal header.
/// </summary>
public sealed class InspectionResultFunction(InspectionResultHandlers handlers)
{
    /// <summary><c>POST /api/draws/{drawId}/results</c>.</summary>
    [Function("EnterInspectionResult")]
    public async Task<IActionResult> EnterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "draws/{drawId}/results")] HttpRequest request,
        string drawId,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await handlers.EnterAsync(request.HttpContext, client, drawId);
        return new EmptyResult();
    }
}
