using Serverless.Shared.Campaigns;

namespace Serverless.Workflows.Campaigns;

/// <summary>A recusal to record on a stored draw.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="OfficeCode">Drawing office of the target.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="OfficerId">Officer who leaves the team.</param>
/// <param name="Kind">Conflict or unavailable.</param>
/// <param name="Reason">Reason given.</param>
/// <param name="ApprovedBy">Roster id or post of the approver.</param>
/// <param name="RecordedBy">Key or principal id of the caller.</param>
public sealed record RecusalRequest(
    string DrawId,
    string OfficeCode,
    string CreditCode,
    string OfficerId,
    RecusalKind Kind,
    string Reason,
    string ApprovedBy,
    string RecordedBy);
