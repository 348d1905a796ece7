using Serverless.Shared.Domain;

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
    string Findings)
{
    /// <summary>Longest accepted draw id, in characters.</summary>
    public const int MaxDrawIdLength = 100;

    /// <summary>
    /// Returns <c>{drawId}-{creditCode}</c>, the subject id of the milestone that follows the publication of this
    /// result. Both parts are checked to be ASCII letters, digits, '-' or '_', so the id is safe in durable
    /// instance ids and blob paths.
    /// </summary>
    /// <exception cref="ValidationException">Either part is empty, too long or holds another character.</exception>
    public static string SubjectId(string drawId, string creditCode)
    {
        RequireIdCharacters("drawId", drawId, MaxDrawIdLength);
        RequireIdCharacters("creditCode", creditCode, Domain.CreditCode.Length);
        return $"{drawId}-{creditCode}";
    }

    private static void RequireIdCharacters(string field, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value) || value.Length > maxLength
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ValidationException(
                field, value, $"must be 1 to {maxLength} ASCII letters, digits, '-' or '_'");
        }
    }
}
