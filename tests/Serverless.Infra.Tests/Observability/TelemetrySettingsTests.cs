using Microsoft.Extensions.Configuration;
using Serverless.Host.Observability;
using Serverless.Shared.Domain;

namespace Serverless.Infra.Tests.Observability;

public sealed class TelemetrySettingsTests
{
    [Fact]
    public void Load_NoSettings_ExportsNothing()
    {
        var settings = TelemetrySettings.Load(Configuration([]));

        Assert.False(settings.ExportsAnything);
    }

    [Fact]
    public void Load_OtlpEndpoint_IsParsed()
    {
        var settings = TelemetrySettings.Load(Configuration(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317" }));

        Assert.Equal(new Uri("http://127.0.0.1:4317"), settings.OtlpEndpoint);
        Assert.True(settings.ExportsAnything);
    }

    [Fact]
    public void Load_InvalidOtlpEndpoint_Throws()
    {
        var configuration = Configuration(new() { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "collector:4317" });

        var exception = Assert.Throws<ValidationException>(() => TelemetrySettings.Load(configuration));

        Assert.Equal("OTEL_EXPORTER_OTLP_ENDPOINT", exception.Field);
        Assert.Equal("collector:4317", exception.Value);
    }

    [Fact]
    public void Load_EntraIdAuthentication_ReadsClientId()
    {
        var settings = TelemetrySettings.Load(Configuration(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD",
        }));

        Assert.True(settings.AzureMonitorUsesEntraId);
        Assert.Equal("11111111-2222-3333-4444-555555555555", settings.AzureMonitorClientId);
        Assert.True(settings.ExportsAnything);
    }

    [Fact]
    public void Load_ConnectionStringOnly_UsesNoEntraId()
    {
        var settings = TelemetrySettings.Load(Configuration(new()
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
        }));

        Assert.False(settings.AzureMonitorUsesEntraId);
        Assert.Null(settings.AzureMonitorClientId);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
