namespace Serverless.Shared.Domain;

/// <summary>An entry of the employer registry (用人单位信息库).</summary>
/// <param name="CreditCode">Unified social credit code, checked by <see cref="Domain.CreditCode"/>.</param>
/// <param name="Name">Registered name.</param>
/// <param name="OfficeCode">Code of the inspecting office (a county, Dongguan or Zhongshan).</param>
/// <param name="Address">Registered address.</param>
/// <param name="Industry">Industry section of GB/T 4754, for example C for manufacturing.</param>
/// <param name="Headcount">Number of employees.</param>
/// <param name="TargetType">Kind of target, which decides the items that apply.</param>
/// <param name="Source">How the employer entered the registry.</param>
/// <param name="RiskFlags">Risk flags; a flagged employer is never excluded for a recent inspection.</param>
/// <param name="LastInspectedOn">Date of the last random inspection, or null when never inspected.</param>
/// <param name="Status">Registry status.</param>
public sealed record Employer(
    string CreditCode,
    string Name,
    string OfficeCode,
    string Address,
    string Industry,
    int Headcount,
    TargetType TargetType,
    EmployerSource Source,
    IReadOnlyList<string> RiskFlags,
    DateOnly? LastInspectedOn,
    EmployerStatus Status);
