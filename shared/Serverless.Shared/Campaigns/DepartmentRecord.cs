using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// What a joint campaign's office record states beyond the lead department's draw: which department drew which
/// officers, so that each part can be reproduced on its own.
/// </summary>
/// <param name="LeadDepartment">Code of the department that drew the targets and the first members of each team.</param>
/// <param name="Departments">Every participating department's draw, in request order.</param>
public sealed record JointRecord(string LeadDepartment, IReadOnlyList<DepartmentDrawRecord> Departments);

/// <summary>One participating department's officers for an office's targets.</summary>
/// <param name="Code">Department code.</param>
/// <param name="Name">Department name.</param>
/// <param name="OfficersPerTarget">Officers drawn per target.</param>
/// <param name="MaxTargetsPerOfficer">Cap per officer that was applied.</param>
/// <param name="Sources">
/// RFC 3797 sources of this department's teams: the campaign's sources plus the department code. Each team adds
/// the target's credit code as one more source, as the lead department's teams do.
/// </param>
/// <param name="Roster">The department's roster snapshot and its SHA-256.</param>
/// <param name="Teams">The department's members of each target's team, in the lead's selection order.</param>
public sealed record DepartmentDrawRecord(
    string Code,
    string Name,
    int OfficersPerTarget,
    int MaxTargetsPerOfficer,
    IReadOnlyList<string> Sources,
    FileRecord Roster,
    IReadOnlyList<DepartmentTeam> Teams);

/// <summary>A department's members of one joint team.</summary>
/// <param name="CreditCode">Target employer.</param>
/// <param name="Members">Officers drawn, in drawing order; none of them leads the joint team.</param>
public sealed record DepartmentTeam(string CreditCode, IReadOnlyList<TeamMember> Members);
