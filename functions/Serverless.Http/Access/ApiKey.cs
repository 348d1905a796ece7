namespace Serverless.Http.Access;

/// <summary>A stored API key of the self-host. The secret itself is never stored, only its SHA-256.</summary>
/// <param name="KeyId">Public id of the key, the part before the dot.</param>
/// <param name="OfficeCode">Office the key acts for.</param>
/// <param name="Role">Role within that office.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="RevokedAt">When it was revoked, or null while it is valid.</param>
public sealed record ApiKey(string KeyId, string OfficeCode, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
