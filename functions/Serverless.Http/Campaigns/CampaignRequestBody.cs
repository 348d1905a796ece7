namespace Serverless.Http.Campaigns;

/// <summary>JSON body of <c>POST /api/campaigns</c>. The calling office comes from the credential, never from here.</summary>
/// <param name="Name">Campaign name.</param>
/// <param name="LegalBasis">Statutory basis.</param>
/// <param name="ItemCodes">Inspection item codes.</param>
/// <param name="Scope">Office codes in scope: a city, several counties, or the province.</param>
/// <param name="Targets">Target rule: a ratio or a count, with an optional filter.</param>
/// <param name="OfficersPerTarget">Team size, at least 2.</param>
/// <param name="OfficerPool">"offices" (each office's own officers) or "borrowed" (any inspecting office in scope).</param>
/// <param name="EntropySources">RFC 3797 sources, at least one.</param>
/// <param name="Deadline">Inspection deadline, yyyy-MM-dd.</param>
/// <param name="Joint">Participating departments of a joint cross-department campaign, or null.</param>
public sealed record CampaignRequestBody(
    string? Name,
    string? LegalBasis,
    IReadOnlyList<string>? ItemCodes,
    IReadOnlyList<string>? Scope,
    TargetsBody? Targets,
    int? OfficersPerTarget,
    string? OfficerPool,
    IReadOnlyList<string>? EntropySources,
    string? Deadline,
    JointBody? Joint = null);

/// <summary>Joint part of a campaign request; the labour-security inspection leads and draws the targets.</summary>
/// <param name="Departments">Participating departments, each adding its own officers to every team.</param>
public sealed record JointBody(IReadOnlyList<JointDepartmentBody>? Departments);

/// <summary>A participating department of a joint campaign request.</summary>
/// <param name="Code">Department code, as stored.</param>
/// <param name="OfficersPerTarget">Officers of the department on each team, at least 1.</param>
public sealed record JointDepartmentBody(string? Code, int? OfficersPerTarget);

/// <summary>Target rule of a campaign request.</summary>
/// <param name="Ratio">Share of each office's filtered pool, from 0 to 1, when no count is given.</param>
/// <param name="Count">Fixed number of targets per office.</param>
/// <param name="Filter">Employers the campaign is about.</param>
public sealed record TargetsBody(decimal? Ratio, int? Count, FilterBody? Filter);

/// <summary>Filter of a campaign request.</summary>
/// <param name="Industries">GB/T 4754 sections.</param>
/// <param name="MinHeadcount">Smallest headcount, inclusive.</param>
/// <param name="MaxHeadcount">Largest headcount, inclusive.</param>
/// <param name="RiskFlagged">True for risk-flagged employers only.</param>
public sealed record FilterBody(IReadOnlyList<string>? Industries, int? MinHeadcount, int? MaxHeadcount, bool? RiskFlagged);
