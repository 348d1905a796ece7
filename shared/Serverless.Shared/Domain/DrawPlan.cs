namespace Serverless.Shared.Domain;

/// <summary>A scheduled double-random draw plan (双随机抽查计划) set by an office.</summary>
/// <param name="PlanId">Plan id; letters, digits and hyphens.</param>
/// <param name="Name">Plan name in Chinese.</param>
/// <param name="OwnerOfficeCode">Office that owns the plan and receives its summary.</param>
/// <param name="OfficeCodes">Offices in scope. Every inspecting office at or below them draws.</param>
/// <param name="ItemCodes">Codes of the inspection items.</param>
/// <param name="Schedule">Five-field cron expression in China Standard Time (Asia/Shanghai).</param>
/// <param name="Targets">How many targets each office draws.</param>
/// <param name="ExclusionMonths">Employers inspected within this many months are left out unless risk-flagged.</param>
/// <param name="OfficersPerTarget">Team size, at least 2.</param>
/// <param name="MaxTargetsPerOfficer">Cap per officer in one draw, or null to derive an even share.</param>
/// <param name="InspectionDays">Days from the draw to the inspection deadline.</param>
/// <param name="EntropySources">
/// RFC 3797 sources declared by an operator, or empty to commit to a random seed before the draw day.
/// </param>
public sealed record DrawPlan(
    string PlanId,
    string Name,
    string OwnerOfficeCode,
    IReadOnlyList<string> OfficeCodes,
    IReadOnlyList<string> ItemCodes,
    string Schedule,
    TargetRule Targets,
    int ExclusionMonths,
    int OfficersPerTarget,
    int? MaxTargetsPerOfficer,
    int InspectionDays,
    IReadOnlyList<string> EntropySources);
