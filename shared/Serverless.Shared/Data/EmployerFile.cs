using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>The employer registry (employers.csv). List fields are joined with ';'.</summary>
internal static class EmployerFile
{
    public const string FileName = "employers.csv";

    private static readonly string[] Header =
    [
        "creditCode", "name", "officeCode", "address", "industry", "headcount", "targetType", "source", "riskFlags",
        "lastInspectedOn", "status",
    ];

    /// <summary>
    /// Reads and validates the employers: valid and unique credit codes, an inspecting office from
    /// <paramref name="offices"/>, a GB/T 4754 section letter and known enum names.
    /// </summary>
    public static IReadOnlyList<Employer> Read(string path, IReadOnlyDictionary<string, Office> offices)
    {
        var employers = new List<Employer>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in CsvFile.Read(path, Header))
        {
            var employer = ReadRow(record, offices);
            if (!codes.Add(employer.CreditCode))
            {
                throw record.Invalid("creditCode", employer.CreditCode, "is a duplicate of an earlier row");
            }

            employers.Add(employer);
        }

        return employers;
    }

    /// <summary>Formats employers as the text of employers.csv.</summary>
    public static string Format(IEnumerable<Employer> employers) => CsvFile.Format(Header, employers.Select(ToRow));

    private static Employer ReadRow(CsvRecord record, IReadOnlyDictionary<string, Office> offices)
    {
        var creditCode = record.Text("creditCode");
        var problem = CreditCode.Validate(creditCode);
        if (problem is not null)
        {
            throw record.Invalid("creditCode", creditCode, problem);
        }

        var officeCode = record.Required("officeCode");
        if (!offices.TryGetValue(officeCode, out var office))
        {
            throw record.Invalid("officeCode", officeCode, $"is not the code of an office in {OfficeFile.FileName}");
        }

        if (!office.Inspects)
        {
            throw record.Invalid("officeCode", officeCode, "is an office that does not inspect employers itself");
        }

        var industry = record.Required("industry");
        if (industry.Length != 1 || industry[0] is < 'A' or > 'T')
        {
            throw record.Invalid("industry", industry, "is not a GB/T 4754 section letter from A to T");
        }

        return new Employer(
            creditCode,
            record.Required("name"),
            officeCode,
            record.Required("address"),
            industry,
            record.Integer("headcount", minimum: 0),
            record.Enum<TargetType>("targetType"),
            record.Enum<EmployerSource>("source"),
            record.List("riskFlags"),
            record.OptionalDate("lastInspectedOn"),
            record.Enum<EmployerStatus>("status"));
    }

    private static string[] ToRow(Employer employer) =>
    [
        employer.CreditCode,
        employer.Name,
        employer.OfficeCode,
        employer.Address,
        employer.Industry,
        employer.Headcount.ToString(CultureInfo.InvariantCulture),
        employer.TargetType.ToString(),
        employer.Source.ToString(),
        CsvFile.JoinList(employer.RiskFlags),
        employer.LastInspectedOn is { } date ? CsvRecord.FormatDate(date) : string.Empty,
        employer.Status.ToString(),
    ];
}
