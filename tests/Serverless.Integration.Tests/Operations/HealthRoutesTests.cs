using System.Net;
using System.Text.Json;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Infrastructure;

namespace Serverless.Integration.Tests.Operations;

/// <summary><c>GET /health</c> of the self-host against a real Azurite and the real durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HealthRoutesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_StorageAndEngineUp_ReturnsHealthy()
    {
        await using var host = await OperationsHost.StartAsync(azurite.ConnectionString, "health");

        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", Check(body, "storage"));
        Assert.Equal("Healthy", Check(body, "durable-engine"));
    }

    [Fact]
    public async Task Health_StorageStopped_ReturnsUnavailable()
    {
        var own = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        await using var stopOwn = own;
        await using var host = await OperationsHost.StartAsync(own.ConnectionString, "healthdown");

        await own.StopAsync();
        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", Check(body, "storage"));
    }

    private static string? Check(JsonDocument body, string name) =>
        body.RootElement.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();
}
