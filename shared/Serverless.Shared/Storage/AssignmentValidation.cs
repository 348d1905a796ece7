using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>Checks of an assignment before it is written.</summary>
internal static class AssignmentValidation
{
    /// <summary>Throws <see cref="ValidationException"/> naming the field unless the assignment is valid.</summary>
    public static void Validate(string field, Assignment? assignment)
    {
        if (assignment is null)
        {
            throw new ValidationException(field, null, "is missing");
        }

        TableKeys.ThrowIfInvalidKeyPart($"{field}.drawId", assignment.DrawId);
        StoreValidation.RequireOfficeCode($"{field}.officeCode", assignment.OfficeCode);
        TableKeys.ThrowIfInvalid($"{field}.officerId", assignment.OfficerId);
        StoreValidation.RequireCreditCode($"{field}.creditCode", assignment.CreditCode);
        StoreValidation.RequireText($"{field}.employerName", assignment.EmployerName);
        StoreValidation.RequireKeyList($"{field}.teamOfficerIds", assignment.TeamOfficerIds);
        if (!assignment.TeamOfficerIds.Contains(assignment.OfficerId, StringComparer.Ordinal))
        {
            throw new ValidationException(
                $"{field}.teamOfficerIds", string.Join(',', assignment.TeamOfficerIds),
                $"does not contain the assigned officer {assignment.OfficerId}");
        }

        var isFirst = assignment.TeamOfficerIds[0] == assignment.OfficerId;
        if (assignment.IsLeader != isFirst)
        {
            throw new ValidationException(
                $"{field}.isLeader", assignment.IsLeader ? "true" : "false",
                "does not match the team, whose leader is listed first");
        }

        StoreValidation.RequireKeyList($"{field}.itemCodes", assignment.ItemCodes);
        if (assignment.Deadline < assignment.DrawnOn)
        {
            throw new ValidationException(
                $"{field}.deadline", assignment.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "is before the draw date");
        }
    }
}
