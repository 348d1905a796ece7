using Microsoft.AspNetCore.Http;

namespace Serverless.Http.Access;

/// <summary>
/// Identifies the caller of a request: from API keys in the self-host, from App Service authentication's client
/// principal header in Azure. Returns null when the request carries no valid credential.
/// </summary>
public interface ICallerResolver
{
    Task<Caller?> ResolveAsync(HttpRequest request, CancellationToken cancellationToken = default);
}
