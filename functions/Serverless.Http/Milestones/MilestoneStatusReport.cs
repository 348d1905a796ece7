namespace Serverless.Http.Milestones;

/// <summary>The milestone states of every office below one office.</summary>
/// <param name="OfficeCode">The superior office the report is for.</param>
/// <param name="SetId">Milestone set id.</param>
/// <param name="Version">Version of the set.</param>
/// <param name="AsOf">Date in China Standard Time the states refer to.</param>
/// <param name="Rows">One row per office and milestone, by office code then milestone order.</param>
public sealed record MilestoneStatusReport(
    string OfficeCode, string SetId, int Version, DateOnly AsOf, IReadOnlyList<MilestoneStatusRow> Rows);
