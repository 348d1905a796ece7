using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>The officer roster (officers.csv). List fields are joined with ';'.</summary>
internal static class OfficerFile
{
    public const string FileName = "officers.csv";

    private static readonly string[] Header =
    [
        "officerId", "officeCode", "name", "certificateNumber", "certificateExpiry", "status", "qualifications",
        "email", "conflicts",
    ];

    /// <summary>
    /// Reads and validates the officers: unique ids, a known office, qualifications that are item codes and
    /// conflicts that are credit codes of known employers.
    /// </summary>
    public static IReadOnlyList<Officer> Read(
        string path,
        IReadOnlyDictionary<string, Office> offices,
        IReadOnlySet<string> itemCodes,
        IReadOnlySet<string> creditCodes)
    {
        var officers = new List<Officer>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in CsvFile.Read(path, Header))
        {
            var officer = ReadRow(record, offices, itemCodes, creditCodes);
            if (!ids.Add(officer.OfficerId))
            {
                throw record.Invalid("officerId", officer.OfficerId, "is a duplicate of an earlier row");
            }

            officers.Add(officer);
        }

        return officers;
    }

    /// <summary>Formats officers as the text of officers.csv.</summary>
    public static string Format(IEnumerable<Officer> officers) => CsvFile.Format(Header, officers.Select(ToRow));

    private static Officer ReadRow(
        CsvRecord record,
        IReadOnlyDictionary<string, Office> offices,
        IReadOnlySet<string> itemCodes,
        IReadOnlySet<string> creditCodes)
    {
        var officeCode = record.Required("officeCode");
        if (!offices.ContainsKey(officeCode))
        {
            throw record.Invalid("officeCode", officeCode, $"is not the code of an office in {OfficeFile.FileName}");
        }

        var qualifications = record.List("qualifications");
        var unknownItem = qualifications.FirstOrDefault(code => !itemCodes.Contains(code));
        if (unknownItem is not null)
        {
            throw record.Invalid("qualifications", unknownItem, $"is not the code of an item in {ItemFile.FileName}");
        }

        var conflicts = record.List("conflicts");
        foreach (var conflict in conflicts)
        {
            var problem = CreditCode.Validate(conflict);
            if (problem is not null)
            {
                throw record.Invalid("conflicts", conflict, problem);
            }

            if (!creditCodes.Contains(conflict))
            {
                throw record.Invalid(
                    "conflicts", conflict, $"is not the credit code of an employer in {EmployerFile.FileName}");
            }
        }

        return new Officer(
            record.Required("officerId"),
            officeCode,
            record.Required("name"),
            record.Required("certificateNumber"),
            record.Date("certificateExpiry"),
            record.Enum<OfficerStatus>("status"),
            qualifications,
            record.Email("email"),
            conflicts);
    }

    private static string[] ToRow(Officer officer) =>
    [
        officer.OfficerId,
        officer.OfficeCode,
        officer.Name,
        officer.CertificateNumber,
        CsvRecord.FormatDate(officer.CertificateExpiry),
        officer.Status.ToString(),
        CsvFile.JoinList(officer.Qualifications),
        officer.Email,
        CsvFile.JoinList(officer.Conflicts),
    ];
}
