namespace Serverless.Http.Inspections;

/// <summary>JSON body of <c>POST /api/draws/{drawId}/results</c>.</summary>
/// <param name="OfficeCode">Office that drew and inspected the employer, which names the draw record.</param>
/// <param name="CreditCode">Inspected employer.</param>
/// <param name="InspectedOn">Day of the inspection, yyyy-MM-dd.</param>
/// <param name="Outcome">Compliant, RectificationOrdered, CaseOpened or NotFound.</param>
/// <param name="Findings">Findings in plain words; required unless the outcome is Compliant or NotFound.</param>
public sealed record InspectionResultBody(
    string? OfficeCode, string? CreditCode, string? InspectedOn, string? Outcome, string? Findings);
