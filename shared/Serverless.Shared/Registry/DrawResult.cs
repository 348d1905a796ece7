namespace Serverless.Shared.Registry;

/// <summary>One drawn target of a draw record, flattened for exchange.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="PlanId">Plan of the draw.</param>
/// <param name="OfficeCode">Inspecting office.</param>
/// <param name="DrawnOn">Day of the draw.</param>
/// <param name="Deadline">Last day of the inspection.</param>
/// <param name="Selection">Selection number within the office, from 1.</param>
/// <param name="Stratum">Stratum that the target was drawn from.</param>
/// <param name="CreditCode">Credit code of the target.</param>
/// <param name="LeaderId">Officer id of the team leader.</param>
/// <param name="MemberIds">Officer ids of the team, leader first.</param>
public sealed record DrawResult(
    string DrawId,
    string PlanId,
    string OfficeCode,
    DateOnly DrawnOn,
    DateOnly Deadline,
    int Selection,
    string Stratum,
    string CreditCode,
    string LeaderId,
    IReadOnlyList<string> MemberIds);
