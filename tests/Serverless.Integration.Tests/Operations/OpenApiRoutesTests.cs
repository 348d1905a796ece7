using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Integration.Tests.Infrastructure;

namespace Serverless.Integration.Tests.Operations;

/// <summary>
/// The self-host serves docs/openapi.json at /api/openapi.json, and the document lists exactly the /api routes
/// of the self-host's endpoint data source.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class OpenApiRoutesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task OpenApi_Routes_MatchSelfHostEndpoints()
    {
        await using var host = await OperationsHost.StartAsync(azurite.ConnectionString, "openapi");

        var endpoints = host.Runtime.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => Route(method, endpoint.RoutePattern.RawText!)))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(DocumentedRoutes(File.ReadAllText(DocumentPath())), endpoints);
    }

    [Fact]
    public async Task OpenApi_Served_IsTheDocument()
    {
        await using var host = await OperationsHost.StartAsync(azurite.ConnectionString, "openapidoc");

        using var response = await host.Http.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(File.ReadAllText(DocumentPath()), await response.Content.ReadAsStringAsync());
    }

    private static List<string> DocumentedRoutes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => HttpMethods.Contains(operation.Name))
                .Select(operation => Route(operation.Name, path.Name)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static readonly HashSet<string> HttpMethods =
        ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static string Route(string method, string template) =>
        $"{method.ToUpperInvariant()} /{Constraint().Replace(template.Trim('/'), "{${name}}")}";

    private static string DocumentPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
            {
                return Path.Combine(folder.FullName, "docs", "openapi.json");
            }
        }

        throw new DirectoryNotFoundException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)[^}]*\}")]
    private static partial Regex Constraint();
}
