using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Serverless.Functions.Triggers;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI document of the HTTP API, the same file the self-host serves at the
/// same path.
/// </summary>
public static class OpenApiFunction
{
    /// <summary>Name of the document in the build output, copied there from docs/openapi.json.</summary>
    public const string FileName = "openapi.json";

    [Function("GetOpenApiDocument")]
    public static IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new PhysicalFileResult(Path.Combine(AppContext.BaseDirectory, FileName), "application/json");
    }
}
