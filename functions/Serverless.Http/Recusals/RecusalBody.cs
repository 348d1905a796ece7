namespace Serverless.Http.Recusals;

/// <summary>JSON body of <c>POST /api/draws/{drawId}/recusals</c>.</summary>
/// <param name="OfficeCode">Drawing office of the target, which names the record; not the caller's office.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="OfficerId">Assigned officer who leaves the team.</param>
/// <param name="Kind">"conflict" or "unavailable".</param>
/// <param name="Reason">Why.</param>
/// <param name="ApprovedBy">Roster id or post of the approver.</param>
public sealed record RecusalBody(
    string? OfficeCode, string? CreditCode, string? OfficerId, string? Kind, string? Reason, string? ApprovedBy);
