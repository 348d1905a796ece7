namespace Serverless.Http.Access;

/// <summary>The authenticated caller of a write endpoint: an office and a role, never taken from the body.</summary>
/// <param name="OfficeCode">Office the caller acts for.</param>
/// <param name="Role">Role within that office, one of <see cref="CallerRoles"/>.</param>
/// <param name="PrincipalId">Id of the key or principal, for audit records; never a secret.</param>
public sealed record Caller(string OfficeCode, string Role, string PrincipalId);
