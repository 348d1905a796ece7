using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Integration.Tests.Public;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Every write endpoint of the self-host with a revoked key, and with a key of an office (or role) that has no
/// authority over the resource; and the anonymous endpoints under a flood from one client.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>
    /// One request per write route that touches Futian (440304) or needs the province, sent with a key of Luohu
    /// (440303), a neighbouring county with no authority over it.
    /// </summary>
    private static readonly Dictionary<string, (string Path, string Body)> OtherOfficeRequests = new()
    {
        ["POST /api/campaigns"] = ("/api/campaigns",
            """{"name":"专项","legalBasis":"条例","itemCodes":["LS-01"],"scope":["440304"],"targets":{"ratio":0.05},"officersPerTarget":2,"entropySources":["1 2 3"],"deadline":"2027-06-30"}"""),
        ["POST /api/declarations/{office}/{creditCode}/confirm"] = ($"/api/declarations/440304/{DrawTestData.CreditCodeFor("440304", 1)}/confirm", ""),
        ["POST /api/declarations/{office}/{creditCode}/reject"] = ($"/api/declarations/440304/{DrawTestData.CreditCodeFor("440304", 1)}/reject", """{"reason":"不符"}"""),
        ["POST /api/registry/{kind}/import"] = ("/api/registry/officers/import?office=440304", "officerId\n"),
        ["POST /api/milestones/sets"] = ("/api/milestones/sets", "{}"),
        ["PUT /api/milestones/filings/{office}/{filingKey}/documents/{fileName}"] = ("/api/milestones/filings/440304/2027-H1/documents/report.pdf", "%PDF-1.7"),
        ["POST /api/milestones/filings/{office}/{filingKey}/acknowledgement"] = ("/api/milestones/filings/440304/2027-H1/acknowledgement", "{}"),
    };

    [Fact]
    public async Task WriteEndpoints_RevokedOrForeignKey_Rejected()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "Access", $"http://127.0.0.1:{port}");
        await harness.SeedAsync(DrawTestData.Create(employersPerOffice: 5, officersPerOffice: 3));
        var keys = harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (revokedKey, revoked) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Manager);
        Assert.True(await keys.RevokeAsync(revokedKey.KeyId));
        var (_, luohu) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Manager);
        var (_, clerk) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Clerk);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var routes = WriteEndpointAuthTests.WriteRoutes(harness.Runtime.Services.GetRequiredService<EndpointDataSource>());

        var failures = new List<string>();
        var tried = 0;
        foreach (var (method, pattern) in routes)
        {
            var route = $"{method} {pattern.RawText}";
            if (WriteEndpointAuthTests.AnonymousWrites.Contains(route))
            {
                continue;
            }

            var withRevoked = await SendAsync(http, method, WriteEndpointAuthTests.SamplePath(pattern).OriginalString, "{}", revoked);
            tried++;
            output.WriteLine($"{route} revoked key -> {withRevoked}");
            if (withRevoked != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{route} with a revoked key returned {(int)withRevoked}");
            }

            // Recusals and campaign cancellation act on a stored draw or campaign; they return 404 before the
            // caller's office matters, and CampaignHttpTests covers their 403.
            if (!OtherOfficeRequests.TryGetValue(route, out var foreign))
            {
                output.WriteLine($"{route} has no request of another office");
                continue;
            }

            var key = route == "POST /api/exchange/dishonest" ? clerk : luohu;
            var withForeign = await SendAsync(http, method, foreign.Path, foreign.Body, key);
            tried++;
            output.WriteLine($"{route} key of another office -> {withForeign}");
            if (withForeign != HttpStatusCode.Forbidden)
            {
                failures.Add($"{route} with a key of another office returned {(int)withForeign}");
            }
        }

        var dishonest = await SendAsync(http, "POST", "/api/exchange/dishonest", "creditCode\n", clerk);
        tried++;
        output.WriteLine($"POST /api/exchange/dishonest clerk key -> {dishonest}");
        output.WriteLine($"requests tried: {tried}, wrongly accepted: {failures.Count}");
        Assert.Equal(HttpStatusCode.Forbidden, dishonest);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task AnonymousEndpoints_FloodFromOneClient_Get429()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(azurite, "Flood", $"http://127.0.0.1:{port}");
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var flooder = LoopbackClient.Create(baseAddress, 200);
        using var bystander = LoopbackClient.Create(baseAddress, 201);

        var first429 = 0;
        for (var i = 1; i <= 1000 && first429 == 0; i++)
        {
            using var response = await flooder.GetAsync(new Uri("/public/items", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                first429 = i;
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        using var other = await bystander.GetAsync(new Uri("/public/items", UriKind.Relative));
        output.WriteLine($"public pages: first 429 at request {first429}; another client then got {(int)other.StatusCode}");
        Assert.InRange(first429, 2, 1000);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient http, string method, string path, string body, string key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/csv"),
        };
        request.Headers.Add(ApiKeyCallerResolver.Header, key);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
