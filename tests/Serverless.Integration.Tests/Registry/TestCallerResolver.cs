using Microsoft.AspNetCore.Http;
using Serverless.Http.Access;

namespace Serverless.Integration.Tests.Registry;

/// <summary>
/// Resolves the caller from the test header <c>X-Test-Office</c> (office code, optionally followed by
/// <c>:clerk</c>), standing in for API keys or App Service authentication.
/// </summary>
internal sealed class TestCallerResolver : ICallerResolver
{
    public const string Header = "X-Test-Office";

    public Task<Caller?> ResolveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[Header].ToString();
        if (value.Length == 0)
        {
            return Task.FromResult<Caller?>(null);
        }

        var parts = value.Split(':');
        var role = parts.Length > 1 ? parts[1] : CallerRoles.Manager;
        return Task.FromResult<Caller?>(new Caller(parts[0], role, $"test-{parts[0]}"));
    }
}
