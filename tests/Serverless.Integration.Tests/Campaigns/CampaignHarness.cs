using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Workflows.Draws;

namespace Serverless.Integration.Tests.Campaigns;

/// <summary>
/// A serving self-host in this process on the shared Azurite, with its HTTP API on a free loopback port, its own
/// table prefix and task hub, and an in-process SMTP server for its notices.
/// </summary>
internal sealed class CampaignHarness : IAsyncDisposable
{
    private CampaignHarness(HostRuntime runtime, HostSettings settings, SmtpSink smtp, HttpClient http)
    {
        Runtime = runtime;
        Settings = settings;
        Smtp = smtp;
        Http = http;
    }

    public HostRuntime Runtime { get; }

    public HostSettings Settings { get; }

    public SmtpSink Smtp { get; }

    public HttpClient Http { get; }

    public DrawVerifier Verifier => Runtime.Services.GetRequiredService<DrawVerifier>();

    public static async Task<CampaignHarness> StartAsync(AzuriteFixture azurite, string name)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var smtp = await SmtpSink.StartAsync();
        var address = $"http://127.0.0.1:{LoopbackPorts.PickFree()}";
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, name, smtp.Port) with { Urls = address };
        var runtime = await HostRuntime.StartAsync(settings, serve: true, LogLevel.Warning, CancellationToken.None);
        var http = new HttpClient { BaseAddress = new Uri(address) };
        var harness = new CampaignHarness(runtime, settings, smtp, http);
        var data = DrawTestData.Create();
        var registry = runtime.Storage.Registry;
        await registry.UpsertOfficesAsync(data.Offices);
        await registry.UpsertItemsAsync(data.Items);
        await registry.UpsertOfficersAsync(data.Officers);
        await registry.UpsertEmployersAsync(data.Employers);
        return harness;
    }

    /// <summary>Creates an API key and returns the whole key.</summary>
    public async Task<string> KeyAsync(string officeCode, string role = CallerRoles.Manager)
    {
        var (_, secret) = await Runtime.Services.GetRequiredService<ApiKeyStore>().CreateAsync(officeCode, role);
        return secret;
    }

    /// <summary>Sends a JSON POST with an optional key and Idempotency-Key.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body, string? apiKey, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (apiKey is not null)
        {
            request.Headers.Add(ApiKeyCallerResolver.Header, apiKey);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Http.SendAsync(request);
    }

    /// <summary>Sends a GET with a key.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, string apiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ApiKeyCallerResolver.Header, apiKey);
        return Http.SendAsync(request);
    }

    /// <summary>Reads a JSON response; a body that is not JSON fails the test with the body as the message.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            Assert.Fail($"HTTP {(int)response.StatusCode} answered with a body that is not JSON: {text}");
            throw;
        }
    }

    /// <summary>Waits until an instance ends.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        return await Runtime.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellation.Token);
    }

    /// <summary>A campaign request over the given scope, drawing two targets per office with teams of two.</summary>
    public static object Campaign(IReadOnlyList<string> scope, string deadline, int count = 2) => new
    {
        name = "2027年春节前根治欠薪专项执法",
        legalBasis = "《保障农民工工资支付条例》",
        itemCodes = new[] { "LS-02" },
        scope,
        targets = new { count, filter = new { industries = new[] { "C" }, minHeadcount = 30 } },
        officersPerTarget = 2,
        officerPool = "offices",
        entropySources = new[] { "2027013", "03 07 12 18 25 31 09" },
        deadline,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Runtime.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
