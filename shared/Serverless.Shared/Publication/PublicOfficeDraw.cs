using Serverless.Shared.Records;

namespace Serverless.Shared.Publication;

/// <summary>
/// One office's published draw: what the record holds, with employer names and the officers' names and
/// certificate numbers added from the registries. Holds no contact data.
/// </summary>
/// <param name="Record">The office record as published.</param>
/// <param name="Items">The draw's inspection items, in record order.</param>
/// <param name="Targets">The targets with their teams, in selection order.</param>
/// <param name="ResultsEntered">False until inspection results are stored for this draw.</param>
public sealed record PublicOfficeDraw(
    OfficeDrawRecord Record, IReadOnlyList<PublicItem> Items, IReadOnlyList<PublicTarget> Targets, bool ResultsEntered);

/// <summary>An inspection item as a draw page names it.</summary>
/// <param name="Code">Item code.</param>
/// <param name="Content">What the inspection checks, or empty when the item is no longer stored.</param>
public sealed record PublicItem(string Code, string Content);

/// <summary>A drawn target with its team.</summary>
/// <param name="Selection">Selection number within the office, from 1.</param>
/// <param name="Stratum">Stratum the target was drawn from.</param>
/// <param name="PoolLine">Line of the target in its stratum's pool file, from 1.</param>
/// <param name="CreditCode">Unified social credit code.</param>
/// <param name="Name">Registered name, or empty when the employer is no longer stored.</param>
/// <param name="Team">Team after any recusals, leader first, then the participating departments' members.</param>
/// <param name="Result">Inspection result, or null while none is entered.</param>
public sealed record PublicTarget(
    int Selection,
    string Stratum,
    int PoolLine,
    string CreditCode,
    string Name,
    IReadOnlyList<PublicOfficer> Team,
    string? Result);

/// <summary>A team member as published: name and certificate number only.</summary>
/// <param name="Name">Full name, or empty when the officer is no longer stored.</param>
/// <param name="CertificateNumber">Enforcement certificate number, or empty.</param>
/// <param name="IsLeader">True for the team leader.</param>
/// <param name="Department">Participating department of a joint campaign, or null for the lead department.</param>
public sealed record PublicOfficer(string Name, string CertificateNumber, bool IsLeader, string? Department = null);
