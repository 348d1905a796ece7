using Serverless.Shared.Domain;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// A special enforcement campaign (专项执法) drawn outside the regular schedule: its own draw over the
/// inspecting offices in scope, with declared entropy sources and an inspection deadline.
/// </summary>
/// <param name="CampaignId">Campaign id; also the draw id and the orchestration instance id.</param>
/// <param name="Name">Campaign name in Chinese.</param>
/// <param name="LegalBasis">Statutory basis of the campaign.</param>
/// <param name="OwnerOfficeCode">Office of the caller that started it, never taken from the request body.</param>
/// <param name="RequestedBy">Key or principal id of the caller, for audit.</param>
/// <param name="RequestedAt">When the campaign was accepted; its pools are stored under this time.</param>
/// <param name="ItemCodes">Codes of the inspection items.</param>
/// <param name="OfficeCodes">Offices in scope; every inspecting office at or below them draws.</param>
/// <param name="Targets">How many targets each office draws from its filtered pool.</param>
/// <param name="Filter">Employers the campaign is about, applied before selection, or null for all.</param>
/// <param name="OfficersPerTarget">Team size, at least 2.</param>
/// <param name="BorrowOfficers">
/// True when a team may take officers from any inspecting office in scope, not only the drawing office.
/// </param>
/// <param name="EntropySources">RFC 3797 sources; a campaign always declares at least one.</param>
/// <param name="Deadline">Inspection deadline; certificates must be valid on it.</param>
/// <param name="JointDepartments">
/// Participating departments of a joint cross-department campaign, each adding its own officers to every team, or
/// null for a campaign of the labour-security inspection alone.
/// </param>
public sealed record Campaign(
    string CampaignId,
    string Name,
    string LegalBasis,
    string OwnerOfficeCode,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    IReadOnlyList<string> ItemCodes,
    IReadOnlyList<string> OfficeCodes,
    TargetRule Targets,
    TargetFilter? Filter,
    int OfficersPerTarget,
    bool BorrowOfficers,
    IReadOnlyList<string> EntropySources,
    DateOnly Deadline,
    IReadOnlyList<JointDepartment>? JointDepartments = null);
