namespace Serverless.Shared.Storage;

/// <summary>The team of an employer's latest draw, as kept in the previous-teams table.</summary>
internal sealed record PreviousTeam(
    string OfficeCode, string CreditCode, string DrawId, DateOnly DrawnOn, IReadOnlyList<string> TeamOfficerIds)
{
    /// <summary>
    /// Returns true when this team comes from a later draw than <paramref name="other"/>: a later draw date, or
    /// on the same date a draw id that sorts later, so that the order is total and every writer agrees.
    /// </summary>
    public bool IsLaterThan(PreviousTeam other) =>
        DrawnOn != other.DrawnOn
            ? DrawnOn > other.DrawnOn
            : string.CompareOrdinal(DrawId, other.DrawId) > 0;
}
