using Cronos;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// Checks of registry records before they are written. Each method throws <see cref="ValidationException"/>
/// naming the field, for example <c>employers[3].creditCode</c>.
/// </summary>
internal static class RegistryValidation
{
    /// <summary>Maximum length of a plan id, a limit of this project far below the 512 characters of a key.</summary>
    public const int MaxPlanIdLength = 64;

    public static void ValidateOffice(string field, Office? office)
    {
        RequireRecord(field, office);
        StoreValidation.RequireOfficeCode($"{field}.code", office.Code);
        StoreValidation.RequireText($"{field}.name", office.Name);
        StoreValidation.RequireDefined($"{field}.tier", office.Tier);
        if (office.ParentCode is not null)
        {
            StoreValidation.RequireOfficeCode($"{field}.parentCode", office.ParentCode);
            if (office.ParentCode == office.Code)
            {
                throw new ValidationException($"{field}.parentCode", office.ParentCode, "is the office's own code");
            }
        }

        StoreValidation.RequireEmail($"{field}.email", office.Email);
    }

    public static void ValidateOfficer(string field, Officer? officer, IReadOnlySet<string> officeCodes)
    {
        RequireRecord(field, officer);
        TableKeys.ThrowIfInvalid($"{field}.officerId", officer.OfficerId);
        RequireKnownOffice($"{field}.officeCode", officer.OfficeCode, officeCodes);
        StoreValidation.RequireText($"{field}.name", officer.Name);
        StoreValidation.RequireText($"{field}.certificateNumber", officer.CertificateNumber);
        StoreValidation.RequireDefined($"{field}.status", officer.Status);
        StoreValidation.RequireKeyList($"{field}.qualifications", officer.Qualifications);
        StoreValidation.RequireEmail($"{field}.email", officer.Email);
        StoreValidation.RequireCreditCodeList($"{field}.conflicts", officer.Conflicts);
    }

    public static void ValidateEmployer(string field, Employer? employer, IReadOnlySet<string> officeCodes)
    {
        RequireRecord(field, employer);
        StoreValidation.RequireCreditCode($"{field}.creditCode", employer.CreditCode);
        StoreValidation.RequireText($"{field}.name", employer.Name);
        RequireKnownOffice($"{field}.officeCode", employer.OfficeCode, officeCodes);
        StoreValidation.RequireNotNull($"{field}.address", employer.Address);
        StoreValidation.RequireNotNull($"{field}.industry", employer.Industry);
        StoreValidation.RequireAtLeast($"{field}.headcount", employer.Headcount, 0);
        StoreValidation.RequireDefined($"{field}.targetType", employer.TargetType);
        StoreValidation.RequireDefined($"{field}.source", employer.Source);
        StoreValidation.RequireList($"{field}.riskFlags", employer.RiskFlags);
        StoreValidation.RequireDefined($"{field}.status", employer.Status);
    }

    public static void ValidateItem(string field, InspectionItem? item)
    {
        RequireRecord(field, item);
        TableKeys.ThrowIfInvalid($"{field}.code", item.Code);
        StoreValidation.RequireText($"{field}.category", item.Category);
        StoreValidation.RequireText($"{field}.content", item.Content);
        StoreValidation.RequireNotNull($"{field}.legalBasis", item.LegalBasis);
        StoreValidation.RequireDefined($"{field}.targetType", item.TargetType);
        StoreValidation.RequireNotNull($"{field}.method", item.Method);
        StoreValidation.RequireRatio($"{field}.ratio", item.Ratio);
        StoreValidation.RequireNotNull($"{field}.frequency", item.Frequency);
        StoreValidation.RequireDefined($"{field}.tier", item.Tier);
        StoreValidation.RequireAtLeast($"{field}.version", item.Version, 1);
        if (item.OfficeCode is not null)
        {
            StoreValidation.RequireOfficeCode($"{field}.officeCode", item.OfficeCode);
        }
    }

    public static void ValidatePlan(string field, DrawPlan? plan)
    {
        RequireRecord(field, plan);
        RequirePlanId($"{field}.planId", plan.PlanId);
        StoreValidation.RequireText($"{field}.name", plan.Name);
        StoreValidation.RequireOfficeCode($"{field}.ownerOfficeCode", plan.OwnerOfficeCode);
        RequireOfficeCodeList($"{field}.officeCodes", plan.OfficeCodes);
        StoreValidation.RequireKeyList($"{field}.itemCodes", plan.ItemCodes);
        RequireSchedule($"{field}.schedule", plan.Schedule);
        RequireTargets($"{field}.targets", plan.Targets);
        StoreValidation.RequireAtLeast($"{field}.exclusionMonths", plan.ExclusionMonths, 0);
        StoreValidation.RequireAtLeast($"{field}.officersPerTarget", plan.OfficersPerTarget, 2);
        if (plan.MaxTargetsPerOfficer is { } cap)
        {
            StoreValidation.RequireAtLeast($"{field}.maxTargetsPerOfficer", cap, 1);
        }

        StoreValidation.RequireAtLeast($"{field}.inspectionDays", plan.InspectionDays, 1);
        StoreValidation.RequireList($"{field}.entropySources", plan.EntropySources);
        for (var i = 0; i < plan.EntropySources.Count; i++)
        {
            RequireEntropySource($"{field}.entropySources[{i}]", plan.EntropySources[i]);
        }
    }

    /// <summary>Rejects a source the RFC 3797 key string cannot use, such as one with no ASCII letter or digit.</summary>
    private static void RequireEntropySource(string field, string source)
    {
        try
        {
            Draws.Rfc3797.BuildKey([source]);
        }
        catch (ValidationException exception)
        {
            throw new ValidationException(field, source, exception.Reason);
        }
    }

    private static void RequireRecord<T>(string field, [System.Diagnostics.CodeAnalysis.NotNull] T? record)
        where T : class
    {
        if (record is null)
        {
            throw new ValidationException(field, null, "is missing");
        }
    }

    private static void RequireKnownOffice(string field, string? officeCode, IReadOnlySet<string> officeCodes)
    {
        StoreValidation.RequireOfficeCode(field, officeCode);
        if (!officeCodes.Contains(officeCode))
        {
            throw new ValidationException(field, officeCode, "is not a known office; load the offices first");
        }
    }

    private static void RequirePlanId(string field, string? planId)
    {
        TableKeys.ThrowIfInvalid(field, planId);
        if (planId.Length > MaxPlanIdLength || !planId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ValidationException(
                field, planId, $"is not 1 to {MaxPlanIdLength} ASCII letters, digits and hyphens");
        }
    }

    private static void RequireOfficeCodeList(string field, IReadOnlyList<string>? officeCodes)
    {
        StoreValidation.RequireList(field, officeCodes);
        if (officeCodes.Count == 0)
        {
            throw new ValidationException(field, "[]", "is empty; a plan covers at least one office");
        }

        for (var i = 0; i < officeCodes.Count; i++)
        {
            StoreValidation.RequireOfficeCode($"{field}[{i}]", officeCodes[i]);
        }
    }

    private static void RequireSchedule(string field, string? schedule)
    {
        StoreValidation.RequireText(field, schedule);
        try
        {
            CronExpression.Parse(schedule, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new ValidationException(field, schedule, $"is not a five-field cron expression: {e.Message}");
        }
    }

    private static void RequireTargets(string field, TargetRule? targets)
    {
        RequireRecord(field, targets);
        StoreValidation.RequireRatio($"{field}.ratio", targets.Ratio);
        if (targets.Count is { } count)
        {
            StoreValidation.RequireAtLeast($"{field}.count", count, 0);
        }

        if (targets.RiskRatio is { } riskRatio)
        {
            StoreValidation.RequireRatio($"{field}.riskRatio", riskRatio);
        }
    }
}
