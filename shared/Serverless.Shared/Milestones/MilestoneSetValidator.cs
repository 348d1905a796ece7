using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>Checks a milestone set before it is stored, so an invalid set is never written.</summary>
public static class MilestoneSetValidator
{
    private const int MaxIdLength = 40;
    private const int MaxOffsetDays = 366;

    /// <summary>Raises a <see cref="ValidationException"/> naming the first invalid field.</summary>
    public static void Validate(MilestoneSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        ValidateId("setId", set.SetId);
        if (set.Version < 1)
        {
            throw new ValidationException("version", Text(set.Version), "must be 1 or more");
        }

        if (string.IsNullOrWhiteSpace(set.Name))
        {
            throw new ValidationException("name", set.Name, "is empty");
        }

        if (set.Milestones is null || set.Milestones.Count == 0)
        {
            throw new ValidationException("milestones", "", "is empty; a set needs at least one milestone");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < set.Milestones.Count; i++)
        {
            var milestone = set.Milestones[i];
            ValidateMilestone($"milestones[{i}]", milestone);
            if (!ids.Add(milestone.MilestoneId))
            {
                throw new ValidationException($"milestones[{i}].milestoneId", milestone.MilestoneId, "occurs twice");
            }
        }

        ValidateTargets(set.Targets);
    }

    private static void ValidateMilestone(string field, MilestoneDefinition milestone)
    {
        if (milestone is null)
        {
            throw new ValidationException(field, null, "is missing");
        }

        ValidateId($"{field}.milestoneId", milestone.MilestoneId);
        if (string.IsNullOrWhiteSpace(milestone.Name))
        {
            throw new ValidationException($"{field}.name", milestone.Name, "is empty");
        }

        if (milestone.Scope?.Tiers is not { Count: > 0 })
        {
            throw new ValidationException($"{field}.scope.tiers", "", "is empty; name at least one tier");
        }

        if (milestone.DueDate is null == milestone.DueAfterDays is null)
        {
            throw new ValidationException($"{field}.dueDate", milestone.DueDate?.ToString("O", CultureInfo.InvariantCulture),
                "must be set, or else dueAfterDays must be set, but not both");
        }

        if (milestone.DueAfterDays is < 1 or > MaxOffsetDays)
        {
            throw new ValidationException(
                $"{field}.dueAfterDays", Text(milestone.DueAfterDays.Value), $"must be from 1 to {MaxOffsetDays}");
        }

        foreach (var offset in milestone.ReminderOffsets ?? [])
        {
            if (offset is < 1 or > MaxOffsetDays)
            {
                throw new ValidationException($"{field}.reminderOffsets", Text(offset), $"must be from 1 to {MaxOffsetDays}");
            }
        }

        if (milestone.Escalation is null || milestone.Escalation.IntervalDays is < 1 or > MaxOffsetDays)
        {
            throw new ValidationException($"{field}.escalation.intervalDays",
                milestone.Escalation is null ? null : Text(milestone.Escalation.IntervalDays), $"must be from 1 to {MaxOffsetDays}");
        }

        if (string.IsNullOrWhiteSpace(milestone.Instructions))
        {
            throw new ValidationException($"{field}.instructions", milestone.Instructions, "is empty; say how to complete it");
        }
    }

    private static void ValidateTargets(MilestoneTargets targets)
    {
        if (targets?.OfficersPerTier is null || targets.EmployersPerTier is null || targets.EmployersPerOffice is null)
        {
            throw new ValidationException("targets", null, "is missing officersPerTier, employersPerTier or employersPerOffice");
        }

        var numbers = targets.OfficersPerTier.Select(p => ($"targets.officersPerTier.{p.Key}", p.Value))
            .Concat(targets.EmployersPerTier.Select(p => ($"targets.employersPerTier.{p.Key}", p.Value)))
            .Concat(targets.EmployersPerOffice.Select(p => ($"targets.employersPerOffice.{p.Key}", p.Value)));
        foreach (var (field, value) in numbers)
        {
            if (value < 0)
            {
                throw new ValidationException(field, Text(value), "must not be negative");
            }
        }
    }

    private static void ValidateId(string field, string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxIdLength
            || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ValidationException(
                field, id, $"must be 1 to {MaxIdLength} lowercase letters, digits and hyphens");
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
