using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Serverless.Http.Access;

/// <summary>
/// Identifies callers in Azure from the <c>x-ms-client-principal</c> header that App Service authentication sets
/// (and strips from client requests): base64 JSON whose role claims name an office and a role, for example
/// <c>office:440300:manager</c>.
/// </summary>
public sealed class ClientPrincipalCallerResolver : ICallerResolver
{
    /// <summary>Header App Service authentication sets.</summary>
    public const string Header = "x-ms-client-principal";

    /// <summary>Prefix of a role value that names an office.</summary>
    public const string RolePrefix = "office:";

    private const string RolesClaim = "roles";

    /// <inheritdoc/>
    public Task<Caller?> ResolveAsync(HttpRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[Header].ToString();
        return Task.FromResult(header.Length == 0 ? null : Parse(header));
    }

    /// <summary>Reads the caller from a header value, or returns null when it is malformed or names no office role.</summary>
    public static Caller? Parse(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        Principal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<Principal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (Exception exception) when (exception is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }

        if (principal?.Claims is null)
        {
            return null;
        }

        var roleType = string.IsNullOrEmpty(principal.RoleType) ? RolesClaim : principal.RoleType;
        var id = principal.Claims.FirstOrDefault(c => c.Type is "http://schemas.microsoft.com/identity/claims/objectidentifier")
            ?.Value ?? principal.Claims.FirstOrDefault(c => c.Type == principal.NameType)?.Value ?? "principal";

        // NOTE: a principal with several office roles acts in the first one listed; the others are ignored.
        foreach (var claim in principal.Claims.Where(c => c.Type == roleType || c.Type == RolesClaim))
        {
            var parts = claim.Value?.Split(':') ?? [];
            if (parts.Length == 3 && $"{parts[0]}:" == RolePrefix && parts[1].Length == 6 && parts[1].All(char.IsAsciiDigit)
                && parts[2] is CallerRoles.Manager or CallerRoles.Clerk)
            {
                return new Caller(parts[1], parts[2], $"principal:{id}");
            }
        }

        return null;
    }

    private sealed record Principal(
        [property: System.Text.Json.Serialization.JsonPropertyName("claims")] IReadOnlyList<Claim>? Claims,
        [property: System.Text.Json.Serialization.JsonPropertyName("name_typ")] string? NameType,
        [property: System.Text.Json.Serialization.JsonPropertyName("role_typ")] string? RoleType);

    private sealed record Claim(
        [property: System.Text.Json.Serialization.JsonPropertyName("typ")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("val")] string? Value);
}
