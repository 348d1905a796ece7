namespace Serverless.Host.Http;

/// <summary>
/// <c>GET /api/openapi.json</c>: the OpenAPI document of the HTTP API, the same file the Functions app serves
/// at the same path.
/// </summary>
internal static class OpenApiRoutes
{
    public const string Path = "/api/openapi.json";

    /// <summary>Name of the document in the build output, copied there from docs/openapi.json.</summary>
    public const string FileName = "openapi.json";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var file = System.IO.Path.Combine(AppContext.BaseDirectory, FileName);
        app.MapGet(Path, () => Results.File(file, "application/json"));
    }
}
