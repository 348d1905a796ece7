using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>One employer of a pool, in the canonical order of credit codes.</summary>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="RiskFlagged">True when the employer carries a risk flag.</param>
public sealed record PoolEntry(string CreditCode, bool RiskFlagged);

/// <summary>An employer left out of a pool, and why.</summary>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="Reason">Reason in plain words, for example "inspected on 2026-03-02, within 12 months".</param>
public sealed record PoolExclusion(string CreditCode, string Reason);

/// <summary>The eligibility facts of one officer, as frozen in a draw's roster snapshot.</summary>
/// <param name="OfficerId">Roster id.</param>
/// <param name="Status">Roster status.</param>
/// <param name="CertificateExpiry">Last valid day of the enforcement certificate.</param>
/// <param name="Qualifications">Item codes the officer is qualified for.</param>
/// <param name="Conflicts">Credit codes of employers the officer must not inspect.</param>
public sealed record RosterEntry(
    string OfficerId,
    OfficerStatus Status,
    DateOnly CertificateExpiry,
    IReadOnlyList<string> Qualifications,
    IReadOnlyList<string> Conflicts);

/// <summary>Everything one office's draw depends on. The same input always gives the same outcome.</summary>
/// <param name="OfficeCode">Drawing office.</param>
/// <param name="Pool">Pool in canonical order (ordinal by credit code).</param>
/// <param name="Roster">Officers of the office in canonical order (ordinal by officer id).</param>
/// <param name="ItemCodes">Items of the plan; a team member must be qualified for every one.</param>
/// <param name="Targets">Target rule.</param>
/// <param name="OfficersPerTarget">Team size, at least 2.</param>
/// <param name="MaxTargetsPerOfficer">Cap per officer, or null to derive an even share.</param>
/// <param name="InspectionDate">Day by which certificates must still be valid (the inspection deadline).</param>
/// <param name="EntropySources">
/// RFC 3797 sources, one per entry. Each stratum and each team adds one more source (the stratum name or
/// the target's credit code), so every selection can be reproduced alone with the sortition command.
/// </param>
/// <param name="PreviousTeams">Officer ids of each employer's most recent team.</param>
public sealed record OfficeDrawInput(
    string OfficeCode,
    IReadOnlyList<PoolEntry> Pool,
    IReadOnlyList<RosterEntry> Roster,
    IReadOnlyList<string> ItemCodes,
    TargetRule Targets,
    int OfficersPerTarget,
    int? MaxTargetsPerOfficer,
    DateOnly InspectionDate,
    IReadOnlyList<string> EntropySources,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PreviousTeams);

/// <summary>One officer on a team.</summary>
/// <param name="OfficerId">Roster id.</param>
/// <param name="IsLeader">True for the team leader, who is the first officer drawn.</param>
/// <param name="Index">RFC 3797 index that drew the officer.</param>
public sealed record TeamMember(string OfficerId, bool IsLeader, int Index);

/// <summary>A drawn target with its team.</summary>
/// <param name="Selection">Selection number within the office, from 1.</param>
/// <param name="Stratum">"risk" or "general" when stratified, otherwise "all".</param>
/// <param name="Index">RFC 3797 index that drew the target.</param>
/// <param name="PoolLine">Line of the target in its stratum's pool file, from 1.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="Team">Team, leader first.</param>
public sealed record DrawnTarget(int Selection, string Stratum, int Index, int PoolLine, string CreditCode, IReadOnlyList<TeamMember> Team);

/// <summary>A drawn target that could not get a full team.</summary>
/// <param name="CreditCode">Target employer.</param>
/// <param name="EligibleOfficers">Number of officers that passed every rule.</param>
/// <param name="Reason">Counts of officers left out by each rule, in plain words.</param>
public sealed record UnstaffedTarget(string CreditCode, int EligibleOfficers, string Reason);

/// <summary>Outcome of one office's draw.</summary>
/// <param name="Targets">Targets with full teams, in selection order.</param>
/// <param name="Unstaffed">Targets that could not be staffed. A non-empty list means the draw is rejected.</param>
/// <param name="MaxTargetsPerOfficer">Cap that was applied.</param>
public sealed record OfficeDrawOutcome(
    IReadOnlyList<DrawnTarget> Targets,
    IReadOnlyList<UnstaffedTarget> Unstaffed,
    int MaxTargetsPerOfficer);
