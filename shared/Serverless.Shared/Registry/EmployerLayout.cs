using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Import file of the employer registry. Risk flags and the date of the last inspection are not imported,
/// because the dishonest list and the draws set them.
/// </summary>
internal sealed class EmployerLayout : IRegistryLayout
{
    public static EmployerLayout Instance { get; } = new();

    /// <summary>Chinese names of the sources, accepted beside the enum names.</summary>
    public static IReadOnlyDictionary<string, EmployerSource> SourceLabels { get; } =
        new Dictionary<string, EmployerSource>(StringComparer.Ordinal)
        {
            ["网格采集"] = EmployerSource.GridCollection,
            ["巡查办案收集"] = EmployerSource.CaseHandling,
            ["单位网上自助申报"] = EmployerSource.SelfDeclaration,
        };

    public RegistryKind Kind => RegistryKind.Employers;

    public string TableName => StorageNames.Employers;

    public IReadOnlyList<string> Header { get; } =
        ["creditCode", "name", "officeCode", "address", "industry", "headcount", "targetType", "source", "status"];

    public IReadOnlyList<string> ImportedProperties { get; } =
    [
        nameof(Employer.Name), nameof(Employer.Address), nameof(Employer.Industry), nameof(Employer.Headcount),
        nameof(Employer.TargetType), nameof(Employer.Source), nameof(Employer.Status),
    ];

    public string KeyColumn => "creditCode";

    public string OfficeColumn => "officeCode";

    /// <inheritdoc/>
    /// <remarks>
    /// An empty office column takes the office from the credit code's positions 3 to 8, the GB/T 2260 code of
    /// the registering division.
    /// </remarks>
    public TableEntity? Parse(CellReader cells, ImportScope scope)
    {
        var creditCode = cells.Text("creditCode");
        var creditReason = CreditCode.Validate(creditCode);
        if (creditReason is not null)
        {
            cells.Reject("creditCode", CellReader.Shorten(creditCode), creditReason);
        }

        var officeCode = cells.Text("officeCode");
        var officeColumnEmpty = officeCode.Length == 0;
        if (officeColumnEmpty && creditReason is null)
        {
            officeCode = creditCode.Substring(2, 6);
        }

        if (officeCode.Length > 0)
        {
            var officeReason = scope.CheckOffice(officeCode, mustInspect: true);
            if (officeReason is not null)
            {
                var column = officeColumnEmpty ? "creditCode" : "officeCode";
                var prefix = officeColumnEmpty ? $"gives office {officeCode}, which " : "";
                cells.Reject(column, officeColumnEmpty ? creditCode : officeCode, prefix + officeReason);
            }
        }
        else if (creditReason is null)
        {
            cells.Reject("officeCode", "", "is missing");
        }

        var name = cells.Required("name", FieldLimits.Name);
        var address = cells.Optional("address", FieldLimits.Address);
        var industry = cells.Text("industry");
        if (industry.Length != 1 || industry[0] is < 'A' or > 'T')
        {
            cells.Reject("industry", CellReader.Shorten(industry), "is not a GB/T 4754 section letter from A to T");
        }

        var headcount = cells.Integer("headcount", 0, FieldLimits.MaxHeadcount);
        var targetType = cells.Enum<TargetType>("targetType", TargetType.Employer);
        var source = cells.Enum("source", (EmployerSource?)null, SourceLabels);
        var status = cells.Enum<EmployerStatus>("status", EmployerStatus.Active);
        if (!cells.IsValid)
        {
            return null;
        }

        var employer = new Employer(
            creditCode, name, officeCode, address, industry, headcount, targetType, source, [], null, status);
        return EntityErrors.Check(
            cells,
            () => RegistryValidation.ValidateEmployer(EntityErrors.Field, employer, scope.OfficeCodes),
            () => RegistryEntities.FromEmployer(EntityErrors.Field, employer));
    }
}
