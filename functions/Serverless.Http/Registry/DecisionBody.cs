namespace Serverless.Http.Registry;

/// <summary>Body of a rejection: why the county office rejects a declaration.</summary>
/// <param name="Reason">Reason shown to the employer.</param>
public sealed record DecisionBody(string? Reason);
