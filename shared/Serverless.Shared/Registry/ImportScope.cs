using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>
/// What an import may write: rows of the importing office and the offices below it, checked against the
/// known offices, item codes and the current date in China.
/// </summary>
internal sealed class ImportScope
{
    public ImportScope(OfficeTree offices, Office importingOffice, IReadOnlySet<string> itemCodes, DateOnly today)
    {
        Offices = offices;
        ImportingOffice = importingOffice;
        ItemCodes = itemCodes;
        Today = today;
        OfficeCodes = offices.Offices.Select(office => office.Code).ToHashSet(StringComparer.Ordinal);
    }

    public OfficeTree Offices { get; }

    public Office ImportingOffice { get; }

    public IReadOnlySet<string> OfficeCodes { get; }

    public IReadOnlySet<string> ItemCodes { get; }

    public DateOnly Today { get; }

    /// <summary>Returns null when the office may hold rows of this import, or the reason it may not.</summary>
    public string? CheckOffice(string officeCode, bool mustInspect)
    {
        var office = Offices.Find(officeCode);
        if (office is null)
        {
            return "is not a known office code";
        }

        if (!Offices.IsSameOrBelow(officeCode, ImportingOffice.Code))
        {
            return $"is outside the jurisdiction of the importing office {ImportingOffice.Code}";
        }

        return mustInspect && !office.Inspects ? "is an office that does not inspect employers itself" : null;
    }
}
