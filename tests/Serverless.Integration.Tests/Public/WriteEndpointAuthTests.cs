using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Public;

/// <summary>
/// Every write endpoint that the self-host maps, found from its endpoint data source, rejects an anonymous
/// visitor with 401, so the public pages are the only part a visitor can reach.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WriteEndpointAuthTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>Write routes open to anyone by design, which a per-client rate limit guards in place of a key.</summary>
    internal static readonly string[] AnonymousWrites = ["POST /api/declarations"];

    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    [Fact]
    public async Task WriteEndpoints_AnonymousVisitor_Get401()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "PubAuth", $"http://127.0.0.1:{port}");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 5));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var writes = WriteRoutes(harness.Runtime.Services.GetRequiredService<EndpointDataSource>());

        var failures = new List<string>();
        foreach (var (method, pattern) in writes.Where(w => !AnonymousWrites.Contains($"{w.Method} {w.Pattern.RawText}")))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath(pattern))
            {
                Content = new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request);
            output.WriteLine($"{method} {pattern.RawText} -> {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {pattern.RawText} returned {(int)response.StatusCode}");
            }
        }

        Assert.NotEmpty(writes);
        Assert.All(AnonymousWrites, route => Assert.Contains(writes, w => $"{w.Method} {w.Pattern.RawText}" == route));
        Assert.Contains(writes, w => w.Pattern.RawText == "/api/campaigns");
        Assert.Contains(writes, w => w.Pattern.RawText == "/api/draws/{drawId}/recusals");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task PublicRoutes_AreAllGets()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "PubGets", $"http://127.0.0.1:{port}");

        var writes = WriteRoutes(harness.Runtime.Services.GetRequiredService<EndpointDataSource>());

        Assert.DoesNotContain(writes, w => (w.Pattern.RawText ?? "").Contains("/public/", StringComparison.Ordinal));
    }

    /// <summary>Routes of the HTTP API mapped for a write method, without the durable engine's gRPC service.</summary>
    internal static List<(string Method, RoutePattern Pattern)> WriteRoutes(EndpointDataSource endpoints) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => !endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Grpc", StringComparison.Ordinal) == true))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(method => WriteMethods.Contains(method, StringComparer.OrdinalIgnoreCase))
                .Select(method => (method, endpoint.RoutePattern)))
            .ToList();

    /// <summary>Fills each route parameter with a plausible value, so the request reaches the handler.</summary>
    internal static Uri SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter.Name),
            _ => "",
        })));
        return new Uri("/" + string.Join('/', segments), UriKind.Relative);
    }

    private static string SampleValue(string name) => name.ToUpperInvariant() switch
    {
        "OFFICE" or "OFFICECODE" => DrawTestData.Luohu,
        "CREDITCODE" => DrawTestData.CreditCodeFor(DrawTestData.Luohu, 1),
        "FILENAME" => "sample.pdf",
        _ => "sample-" + name.ToLowerInvariant(),
    };
}
