using Azure.Data.Tables;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// Maps registry records to table entities and back. Property names are the record's property names, so a
/// rejected property is reported as the camel-case field, and optional values are left out when null.
/// </summary>
internal static class RegistryEntities
{
    /// <summary>
    /// Properties that <see cref="ToOfficer"/> reads, for queries that leave out the rest, such as the entry of
    /// the row's latest change.
    /// </summary>
    public static IReadOnlyList<string> OfficerProperties { get; } =
    [
        "PartitionKey", "RowKey", nameof(Officer.Name), nameof(Officer.CertificateNumber),
        nameof(Officer.CertificateExpiry), nameof(Officer.Status), nameof(Officer.Qualifications),
        nameof(Officer.Email), nameof(Officer.Conflicts),
    ];

    /// <summary>Properties that <see cref="ToEmployer"/> reads, for queries that leave out the rest.</summary>
    public static IReadOnlyList<string> EmployerProperties { get; } =
    [
        "PartitionKey", "RowKey", nameof(Employer.Name), nameof(Employer.Address), nameof(Employer.Industry),
        nameof(Employer.Headcount), nameof(Employer.TargetType), nameof(Employer.Source), nameof(Employer.RiskFlags),
        nameof(Employer.LastInspectedOn), nameof(Employer.Status),
    ];

    public static TableEntity FromOffice(Office office) => new TableEntity(StorageNames.ProvincePartition, office.Code)
    {
        [nameof(Office.Name)] = office.Name,
        [nameof(Office.Tier)] = office.Tier.ToString(),
        [nameof(Office.Email)] = office.Email,
        [nameof(Office.Inspects)] = office.Inspects,
    }.WithOptional(nameof(Office.ParentCode), office.ParentCode);

    public static Office ToOffice(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(Office.Name)),
        StoredValues.ToEnum<OfficeTier>(entity, nameof(Office.Tier)),
        entity.GetString(nameof(Office.ParentCode)),
        StoredValues.RequireString(entity, nameof(Office.Email)),
        StoredValues.RequireBoolean(entity, nameof(Office.Inspects)));

    public static TableEntity FromOfficer(string field, Officer officer) => new(officer.OfficeCode, officer.OfficerId)
    {
        [nameof(Officer.Name)] = officer.Name,
        [nameof(Officer.CertificateNumber)] = officer.CertificateNumber,
        [nameof(Officer.CertificateExpiry)] =
            TableLimits.ToStoredDate($"{field}.certificateExpiry", officer.CertificateExpiry),
        [nameof(Officer.Status)] = officer.Status.ToString(),
        [nameof(Officer.Qualifications)] = StoredValues.FromList(officer.Qualifications),
        [nameof(Officer.Email)] = officer.Email,
        [nameof(Officer.Conflicts)] = StoredValues.FromList(officer.Conflicts),
    };

    public static Officer ToOfficer(TableEntity entity) => new(
        entity.RowKey,
        entity.PartitionKey,
        StoredValues.RequireString(entity, nameof(Officer.Name)),
        StoredValues.RequireString(entity, nameof(Officer.CertificateNumber)),
        StoredValues.RequireDate(entity, nameof(Officer.CertificateExpiry)),
        StoredValues.ToEnum<OfficerStatus>(entity, nameof(Officer.Status)),
        StoredValues.ToList(entity, nameof(Officer.Qualifications)),
        StoredValues.RequireString(entity, nameof(Officer.Email)),
        StoredValues.ToList(entity, nameof(Officer.Conflicts)));

    public static TableEntity FromEmployer(string field, Employer employer) =>
        new TableEntity(employer.OfficeCode, employer.CreditCode)
        {
            [nameof(Employer.Name)] = employer.Name,
            [nameof(Employer.Address)] = employer.Address,
            [nameof(Employer.Industry)] = employer.Industry,
            [nameof(Employer.Headcount)] = employer.Headcount,
            [nameof(Employer.TargetType)] = employer.TargetType.ToString(),
            [nameof(Employer.Source)] = employer.Source.ToString(),
            [nameof(Employer.RiskFlags)] = StoredValues.FromList(employer.RiskFlags),
            [nameof(Employer.Status)] = employer.Status.ToString(),
        }.WithOptional(
            nameof(Employer.LastInspectedOn),
            TableLimits.ToStoredDate($"{field}.lastInspectedOn", employer.LastInspectedOn));

    public static Employer ToEmployer(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(Employer.Name)),
        entity.PartitionKey,
        StoredValues.RequireString(entity, nameof(Employer.Address)),
        StoredValues.RequireString(entity, nameof(Employer.Industry)),
        StoredValues.RequireInt32(entity, nameof(Employer.Headcount)),
        StoredValues.ToEnum<TargetType>(entity, nameof(Employer.TargetType)),
        StoredValues.ToEnum<EmployerSource>(entity, nameof(Employer.Source)),
        StoredValues.ToList(entity, nameof(Employer.RiskFlags)),
        TableLimits.FromStoredDate(entity.GetDateTimeOffset(nameof(Employer.LastInspectedOn))),
        StoredValues.ToEnum<EmployerStatus>(entity, nameof(Employer.Status)));

    public static TableEntity FromItem(InspectionItem item) => new TableEntity(StorageNames.ItemsPartition, item.Code)
    {
        [nameof(InspectionItem.Category)] = item.Category,
        [nameof(InspectionItem.Content)] = item.Content,
        [nameof(InspectionItem.LegalBasis)] = item.LegalBasis,
        [nameof(InspectionItem.TargetType)] = item.TargetType.ToString(),
        [nameof(InspectionItem.IsKeyItem)] = item.IsKeyItem,
        [nameof(InspectionItem.Method)] = item.Method,
        [nameof(InspectionItem.Ratio)] = StoredValues.FromDecimal(item.Ratio),
        [nameof(InspectionItem.Frequency)] = item.Frequency,
        [nameof(InspectionItem.Tier)] = item.Tier.ToString(),
        [nameof(InspectionItem.Version)] = item.Version,
    }.WithOptional(nameof(InspectionItem.OfficeCode), item.OfficeCode);

    /// <summary>
    /// Row of one item version in <see cref="StorageNames.ItemVersionsPartition"/>, row key
    /// <c>{version:D6}|{code}</c>, kept when later versions replace the item.
    /// </summary>
    public static TableEntity FromItemVersion(InspectionItem item)
    {
        var entity = FromItem(item);
        entity.PartitionKey = StorageNames.ItemVersionsPartition;
        entity.RowKey = TableKeys.Join(item.Version.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), item.Code);
        return entity;
    }

    public static InspectionItem ToItem(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(InspectionItem.Category)),
        StoredValues.RequireString(entity, nameof(InspectionItem.Content)),
        StoredValues.RequireString(entity, nameof(InspectionItem.LegalBasis)),
        StoredValues.ToEnum<TargetType>(entity, nameof(InspectionItem.TargetType)),
        StoredValues.RequireBoolean(entity, nameof(InspectionItem.IsKeyItem)),
        StoredValues.RequireString(entity, nameof(InspectionItem.Method)),
        StoredValues.ToDecimal(entity, nameof(InspectionItem.Ratio)),
        StoredValues.RequireString(entity, nameof(InspectionItem.Frequency)),
        StoredValues.ToEnum<OfficeTier>(entity, nameof(InspectionItem.Tier)),
        StoredValues.RequireInt32(entity, nameof(InspectionItem.Version)),
        entity.GetString(nameof(InspectionItem.OfficeCode)));

    /// <summary>Reads an item version row written by <see cref="FromItemVersion"/>.</summary>
    public static InspectionItem ToItemVersion(TableEntity entity)
    {
        var code = entity.RowKey[(entity.RowKey.IndexOf(TableKeys.Separator, StringComparison.Ordinal) + 1)..];
        return ToItem(new TableEntity(entity) { RowKey = code });
    }

    public static TableEntity FromPlan(DrawPlan plan) => new TableEntity(StorageNames.PlansPartition, plan.PlanId)
    {
        [nameof(DrawPlan.Name)] = plan.Name,
        [nameof(DrawPlan.OwnerOfficeCode)] = plan.OwnerOfficeCode,
        [nameof(DrawPlan.OfficeCodes)] = StoredValues.FromList(plan.OfficeCodes),
        [nameof(DrawPlan.ItemCodes)] = StoredValues.FromList(plan.ItemCodes),
        [nameof(DrawPlan.Schedule)] = plan.Schedule,
        [PlanProperties.TargetsRatio] = StoredValues.FromDecimal(plan.Targets.Ratio),
        [nameof(DrawPlan.ExclusionMonths)] = plan.ExclusionMonths,
        [nameof(DrawPlan.OfficersPerTarget)] = plan.OfficersPerTarget,
        [nameof(DrawPlan.InspectionDays)] = plan.InspectionDays,
        [nameof(DrawPlan.EntropySources)] = StoredValues.FromList(plan.EntropySources),
    }
        .WithOptional(PlanProperties.TargetsCount, plan.Targets.Count)
        .WithOptional(
            PlanProperties.TargetsRiskRatio,
            plan.Targets.RiskRatio is { } risk ? StoredValues.FromDecimal(risk) : null)
        .WithOptional(nameof(DrawPlan.MaxTargetsPerOfficer), plan.MaxTargetsPerOfficer);

    public static DrawPlan ToPlan(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(DrawPlan.Name)),
        StoredValues.RequireString(entity, nameof(DrawPlan.OwnerOfficeCode)),
        StoredValues.ToList(entity, nameof(DrawPlan.OfficeCodes)),
        StoredValues.ToList(entity, nameof(DrawPlan.ItemCodes)),
        StoredValues.RequireString(entity, nameof(DrawPlan.Schedule)),
        new TargetRule(
            StoredValues.ToDecimal(entity, PlanProperties.TargetsRatio),
            entity.GetInt32(PlanProperties.TargetsCount),
            StoredValues.ToNullableDecimal(entity, PlanProperties.TargetsRiskRatio)),
        StoredValues.RequireInt32(entity, nameof(DrawPlan.ExclusionMonths)),
        StoredValues.RequireInt32(entity, nameof(DrawPlan.OfficersPerTarget)),
        entity.GetInt32(nameof(DrawPlan.MaxTargetsPerOfficer)),
        StoredValues.RequireInt32(entity, nameof(DrawPlan.InspectionDays)),
        StoredValues.ToList(entity, nameof(DrawPlan.EntropySources)));

    /// <summary>Adds a property unless its value is null, so that a null is stored as an absent property.</summary>
    private static TableEntity WithOptional(this TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }

        return entity;
    }

    /// <summary>Property names of the plan's target rule, flattened into the plan entity.</summary>
    private static class PlanProperties
    {
        public const string TargetsRatio = "TargetsRatio";
        public const string TargetsCount = "TargetsCount";
        public const string TargetsRiskRatio = "TargetsRiskRatio";
    }
}
