using Microsoft.AspNetCore.Http;

namespace Serverless.Http.Access;

/// <summary>Identifies the self-host's callers by the API key in the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyCallerResolver(ApiKeyStore keys) : ICallerResolver
{
    /// <summary>Header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <inheritdoc/>
    public async Task<Caller?> ResolveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var presented = request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            return null;
        }

        var key = await keys.FindAsync(presented, cancellationToken);
        return key is null ? null : new Caller(key.OfficeCode, key.Role, $"key:{key.KeyId}");
    }
}
