using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>Import file of the officer roster; every column of an officer is imported.</summary>
internal sealed class OfficerLayout : IRegistryLayout
{
    public static OfficerLayout Instance { get; } = new();

    public RegistryKind Kind => RegistryKind.Officers;

    public string TableName => StorageNames.Officers;

    public IReadOnlyList<string> Header { get; } =
    [
        "officerId", "officeCode", "name", "certificateNumber", "certificateExpiry", "status", "qualifications",
        "email", "conflicts",
    ];

    public IReadOnlyList<string> ImportedProperties { get; } =
    [
        nameof(Officer.Name), nameof(Officer.CertificateNumber), nameof(Officer.CertificateExpiry),
        nameof(Officer.Status), nameof(Officer.Qualifications), nameof(Officer.Email), nameof(Officer.Conflicts),
    ];

    public string KeyColumn => "officerId";

    public string OfficeColumn => "officeCode";

    /// <inheritdoc/>
    /// <remarks>An active officer's certificate must be valid today (China Standard Time).</remarks>
    public TableEntity? Parse(CellReader cells, ImportScope scope)
    {
        var officerId = cells.Required("officerId", FieldLimits.OfficerId);
        var officeCode = cells.Required("officeCode", 6);
        if (officeCode.Length > 0 && scope.CheckOffice(officeCode, mustInspect: false) is { } officeReason)
        {
            cells.Reject("officeCode", officeCode, officeReason);
        }

        var name = cells.Required("name", FieldLimits.Name);
        var certificateNumber = cells.Required("certificateNumber", FieldLimits.CertificateNumber);
        var expiry = cells.Date("certificateExpiry");
        var status = cells.Enum<OfficerStatus>("status", OfficerStatus.Active);
        if (status == OfficerStatus.Active && expiry != default && expiry < scope.Today)
        {
            cells.Reject(
                "certificateExpiry", cells.Text("certificateExpiry"),
                $"has passed (today is {scope.Today:yyyy-MM-dd}); renew the certificate or set the status to Suspended");
        }

        cells.Optional("qualifications", FieldLimits.ListCell);
        var qualifications = cells.List("qualifications");
        foreach (var code in qualifications.Where(code => scope.ItemCodes.Count > 0 && !scope.ItemCodes.Contains(code)))
        {
            cells.Reject("qualifications", code, "is not a known inspection item code");
        }

        var email = cells.Required("email", FieldLimits.Email);
        cells.Optional("conflicts", FieldLimits.ListCell);
        var conflicts = cells.List("conflicts");
        foreach (var code in conflicts)
        {
            if (CreditCode.Validate(code) is { } reason)
            {
                cells.Reject("conflicts", code, reason);
            }
        }

        if (!cells.IsValid)
        {
            return null;
        }

        var officer = new Officer(
            officerId, officeCode, name, certificateNumber, expiry, status, qualifications, email, conflicts);
        return EntityErrors.Check(
            cells,
            () => RegistryValidation.ValidateOfficer(EntityErrors.Field, officer, scope.OfficeCodes),
            () => RegistryEntities.FromOfficer(EntityErrors.Field, officer));
    }
}
