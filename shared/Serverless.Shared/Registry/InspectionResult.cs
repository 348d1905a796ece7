namespace Serverless.Shared.Registry;

/// <summary>Result of inspecting one drawn employer, as published under "one public" (一公开).</summary>
/// <param name="DrawId">Draw that selected the employer.</param>
/// <param name="OfficeCode">Inspecting office.</param>
/// <param name="CreditCode">Credit code of the employer.</param>
/// <param name="EmployerName">Registered name of the employer.</param>
/// <param name="InspectedOn">Day of the inspection.</param>
/// <param name="Outcome">What the inspection found.</param>
/// <param name="Findings">Findings in plain words; empty when compliant.</param>
public sealed record InspectionResult(
    string DrawId,
    string OfficeCode,
    string CreditCode,
    string EmployerName,
    DateOnly InspectedOn,
    InspectionOutcome Outcome,
    string Findings);
