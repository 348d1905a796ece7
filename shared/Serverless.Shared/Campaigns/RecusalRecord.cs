using Serverless.Shared.Draws;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// One recusal and its replacement, written once at <see cref="RecusalPaths.Recusal"/>. Recusals of a draw are
/// numbered from 1 and applied in that order on top of the office records.
/// </summary>
/// <param name="Number">Number of the recusal within the draw, from 1.</param>
/// <param name="DrawId">Draw id.</param>
/// <param name="OfficeCode">Drawing office of the target.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="OfficerId">Officer who leaves the team.</param>
/// <param name="Kind">Conflict or unavailable.</param>
/// <param name="Reason">Reason as given.</param>
/// <param name="ApprovedBy">Roster id or post of the approver.</param>
/// <param name="RecordedBy">Key or principal id of the caller.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="Candidates">Officers eligible for the replacement, in roster order.</param>
/// <param name="Index">RFC 3797 index of the replacement in the target's team sequence.</param>
/// <param name="ReplacementOfficerId">Officer drawn in replacement.</param>
/// <param name="Team">
/// The target's team after the replacement, leader first; for a participating department's officer, that
/// department's members of the team, none of them leader.
/// </param>
/// <param name="DepartmentCode">
/// Participating department of a joint campaign whose roster holds both officers, or null for the lead department.
/// </param>
public sealed record RecusalRecord(
    int Number,
    string DrawId,
    string OfficeCode,
    string CreditCode,
    string OfficerId,
    RecusalKind Kind,
    string Reason,
    string ApprovedBy,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<string> Candidates,
    int Index,
    string ReplacementOfficerId,
    IReadOnlyList<TeamMember> Team,
    string? DepartmentCode = null);
