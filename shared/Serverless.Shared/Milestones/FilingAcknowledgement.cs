namespace Serverless.Shared.Milestones;

/// <summary>The acknowledgement of a filing by the office above.</summary>
/// <param name="ReviewerOfficeCode">Office that acknowledged the filing.</param>
/// <param name="PrincipalId">Id of the key or principal that acknowledged it, for audit.</param>
/// <param name="AcknowledgedAt">When it was acknowledged.</param>
public sealed record FilingAcknowledgement(string ReviewerOfficeCode, string PrincipalId, DateTimeOffset AcknowledgedAt);
