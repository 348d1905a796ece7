using System.Globalization;
using Cronos;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>The default draw plans (plans.json): a JSON array of <see cref="DrawPlan"/>.</summary>
internal static class PlanFile
{
    public const string FileName = "plans.json";

    /// <summary>
    /// Reads and validates the plans against the offices and items: known codes, a five-field cron schedule,
    /// shares between 0 and 1 and teams of at least two.
    /// </summary>
    public static IReadOnlyList<DrawPlan> Read(
        string path, IReadOnlyDictionary<string, Office> offices, IReadOnlySet<string> itemCodes)
    {
        var plans = new List<DrawPlan>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, plan) in JsonFile.ReadArray<DrawPlan>(path))
        {
            Check(line, plan, offices, itemCodes);
            if (!ids.Add(plan.PlanId))
            {
                throw Invalid(line, "planId", plan.PlanId, "is a duplicate of an earlier plan");
            }

            plans.Add(plan);
        }

        return plans;
    }

    private static void Check(
        int line, DrawPlan plan, IReadOnlyDictionary<string, Office> offices, IReadOnlySet<string> itemCodes)
    {
        if (plan.PlanId.Length == 0 || !plan.PlanId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw Invalid(line, "planId", plan.PlanId, "is not made of letters, digits and hyphens");
        }

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            throw Invalid(line, "name", plan.Name, "is missing");
        }

        if (!offices.ContainsKey(plan.OwnerOfficeCode))
        {
            throw Invalid(line, "ownerOfficeCode", plan.OwnerOfficeCode, "is not the code of a known office");
        }

        CheckCodes(line, "officeCodes", plan.OfficeCodes, offices.ContainsKey, "office");
        CheckCodes(line, "itemCodes", plan.ItemCodes, itemCodes.Contains, "item");
        CheckSchedule(line, plan.Schedule);
        CheckTargets(line, plan.Targets);
        CheckAtLeast(line, "exclusionMonths", plan.ExclusionMonths, 0);
        CheckAtLeast(line, "officersPerTarget", plan.OfficersPerTarget, 2);
        if (plan.MaxTargetsPerOfficer is { } cap)
        {
            CheckAtLeast(line, "maxTargetsPerOfficer", cap, 1);
        }

        CheckAtLeast(line, "inspectionDays", plan.InspectionDays, 1);
        var blankSource = plan.EntropySources.FirstOrDefault(string.IsNullOrWhiteSpace);
        if (blankSource is not null)
        {
            throw Invalid(line, "entropySources", blankSource, "has a blank entry");
        }
    }

    private static void CheckCodes(
        int line, string field, IReadOnlyList<string> codes, Func<string, bool> isKnown, string kind)
    {
        if (codes.Count == 0)
        {
            throw Invalid(line, field, "[]", $"is empty, but a plan needs at least one {kind}");
        }

        var unknown = codes.FirstOrDefault(code => !isKnown(code));
        if (unknown is not null)
        {
            throw Invalid(line, field, unknown, $"is not the code of a known {kind}");
        }
    }

    private static void CheckSchedule(int line, string schedule)
    {
        try
        {
            CronExpression.Parse(schedule, CronFormat.Standard);
        }
        catch (CronFormatException exception)
        {
            throw Invalid(line, "schedule", schedule, $"is not a five-field cron expression: {exception.Message}");
        }
    }

    private static void CheckTargets(int line, TargetRule targets)
    {
        CheckShare(line, "targets.ratio", targets.Ratio);
        if (targets.RiskRatio is { } riskRatio)
        {
            CheckShare(line, "targets.riskRatio", riskRatio);
        }

        if (targets.Count is { } count)
        {
            CheckAtLeast(line, "targets.count", count, 1);
        }
    }

    private static void CheckShare(int line, string field, decimal share)
    {
        if (share is < 0 or > 1)
        {
            throw Invalid(line, field, share.ToString(CultureInfo.InvariantCulture), "is not between 0 and 1");
        }
    }

    private static void CheckAtLeast(int line, string field, int value, int minimum)
    {
        if (value < minimum)
        {
            throw Invalid(line, field, value.ToString(CultureInfo.InvariantCulture), $"is less than {minimum}");
        }
    }

    private static ValidationException Invalid(int line, string field, string? value, string reason) =>
        new($"{FileName} line {line} {field}", value, reason);
}
