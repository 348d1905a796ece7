using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// The office list (offices.csv): one row per GB/T 2260 division, in any order.
/// </summary>
internal static class OfficeFile
{
    public const string FileName = "offices.csv";

    // The statistical code tables list this placeholder under each city. It is not a division, so no office.
    private const string CityDistrictsPlaceholder = "市辖区";

    private static readonly string[] Header = ["code", "name", "tier", "parentCode", "email"];

    /// <summary>
    /// Reads and validates the offices. An office inspects when it is a county, or a city without a county
    /// tier (no office names it as parent).
    /// </summary>
    public static IReadOnlyList<Office> Read(string path)
    {
        var rows = new List<(CsvRecord Record, Office Office)>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in CsvFile.Read(path, Header))
        {
            var office = ReadRow(record);
            if (!codes.Add(office.Code))
            {
                throw record.Invalid("code", office.Code, "is a duplicate of an earlier row");
            }

            rows.Add((record, office));
        }

        var tiers = rows.ToDictionary(r => r.Office.Code, r => r.Office.Tier, StringComparer.Ordinal);
        foreach (var (record, office) in rows)
        {
            CheckParent(record, office, tiers);
        }

        var provinces = rows.Count(r => r.Office.Tier == OfficeTier.Province);
        if (provinces != 1)
        {
            throw new ValidationException(
                $"{FileName} tier",
                nameof(OfficeTier.Province),
                $"occurs {provinces} times, but the file needs exactly one");
        }

        var parents = rows.Select(r => r.Office.ParentCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return rows
            .Select(r => r.Office with { Inspects = Inspects(r.Office, parents) })
            .ToList();
    }

    private static Office ReadRow(CsvRecord record)
    {
        var code = record.Required("code");
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw record.Invalid("code", code, "is not a six-digit GB/T 2260 division code");
        }

        var name = record.Required("name");
        if (name == CityDistrictsPlaceholder)
        {
            throw record.Invalid("name", name, "is the placeholder for a city's districts, not a division");
        }

        var tier = record.Enum<OfficeTier>("tier");
        var parentCode = record.Optional("parentCode");
        var email = record.Email("email");
        return new Office(code, name, tier, parentCode, email, Inspects: false);
    }

    private static void CheckParent(CsvRecord record, Office office, Dictionary<string, OfficeTier> tiers)
    {
        if (office.Tier == OfficeTier.Province)
        {
            if (office.ParentCode is not null)
            {
                throw record.Invalid("parentCode", office.ParentCode, "is set, but the province has no parent");
            }

            return;
        }

        if (office.ParentCode is null)
        {
            throw record.Invalid("parentCode", null, $"is missing for a {office.Tier} office");
        }

        if (!tiers.TryGetValue(office.ParentCode, out var parentTier))
        {
            throw record.Invalid("parentCode", office.ParentCode, "is not the code of an office in the file");
        }

        var expected = office.Tier == OfficeTier.City ? OfficeTier.Province : OfficeTier.City;
        if (parentTier != expected)
        {
            throw record.Invalid(
                "parentCode",
                office.ParentCode,
                $"is a {parentTier} office, but a {office.Tier} office needs a {expected} parent");
        }
    }

    private static bool Inspects(Office office, HashSet<string> parents) => office.Tier switch
    {
        OfficeTier.County => true,
        OfficeTier.City => !parents.Contains(office.Code),
        _ => false,
    };
}
