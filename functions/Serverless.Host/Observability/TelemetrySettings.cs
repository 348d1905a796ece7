using Microsoft.Extensions.Configuration;

namespace Serverless.Host.Observability;

/// <summary>
/// Exporters of traces and metrics, from the standard settings of OpenTelemetry and Application Insights.
/// With neither set, nothing is exported and the counters are still kept for in-process listeners.
/// </summary>
/// <param name="OtlpEndpoint">OTLP collector endpoint, from <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</param>
/// <param name="AzureMonitorConnectionString">From <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>.</param>
/// <param name="AzureMonitorClientId">Client id of the managed identity that signs in to Application Insights,
/// from <c>ClientId=...</c> in <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>.</param>
/// <param name="AzureMonitorUsesEntraId">True when that setting has <c>Authorization=AAD</c>, which an
/// Application Insights resource with local authentication off requires.</param>
internal sealed record TelemetrySettings(
    Uri? OtlpEndpoint,
    string? AzureMonitorConnectionString,
    string? AzureMonitorClientId,
    bool AzureMonitorUsesEntraId)
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AzureMonitorAuthenticationKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>True when at least one exporter is configured.</summary>
    public bool ExportsAnything => OtlpEndpoint is not null || AzureMonitorConnectionString is not null;

    /// <summary>Reads the settings.</summary>
    /// <exception cref="Serverless.Shared.Domain.ValidationException">The OTLP endpoint is not an absolute
    /// http or https URI.</exception>
    public static TelemetrySettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = NullIfBlank(configuration[OtlpEndpointKey]);
        Uri? otlp = null;
        if (endpoint is not null
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out otlp)
                || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            throw new Serverless.Shared.Domain.ValidationException(
                OtlpEndpointKey, endpoint, "is not an absolute http or https URI");
        }

        var authentication = ParsePairs(configuration[AzureMonitorAuthenticationKey]);
        return new TelemetrySettings(
            otlp,
            NullIfBlank(configuration[AzureMonitorConnectionStringKey]),
            NullIfBlank(authentication.GetValueOrDefault("ClientId")),
            string.Equals(authentication.GetValueOrDefault("Authorization"), "AAD", StringComparison.OrdinalIgnoreCase));
    }

    private static Dictionary<string, string> ParsePairs(string? text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                pairs[part[..equals].Trim()] = part[(equals + 1)..].Trim();
            }
        }

        return pairs;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
