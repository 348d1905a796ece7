using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflows.Queries;

namespace Serverless.Functions.Triggers;

/// <summary><c>GET /api/draws/{drawId}</c>: a draw's status and, once complete, its summary.</summary>
public static class DrawStatusFunction
{
    [Function("GetDraw")]
    public static async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "draws/{drawId}")] HttpRequest request,
        string drawId,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = await DrawStatusQuery.GetAsync(client, drawId, request.HttpContext.RequestAborted);
        return status is null
            ? new NotFoundObjectResult(new ProblemDetails { Status = 404, Title = "Draw not found", Detail = $"No draw has id '{drawId}'." })
            : new OkObjectResult(status);
    }
}
