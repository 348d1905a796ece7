using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>A canonical pool and the office's employers left out of it.</summary>
/// <param name="Pool">Entries in ascending ordinal order of credit code.</param>
/// <param name="Exclusions">Every other employer of the office with its reason, in the same order.</param>
public sealed record PoolBuildResult(IReadOnlyList<PoolEntry> Pool, IReadOnlyList<PoolExclusion> Exclusions);

/// <summary>Builds the pool one office draws from.</summary>
public static class PoolBuilder
{
    /// <summary>
    /// Builds the pool from the employers of one office. An employer enters when it is active, some item applies
    /// to it (an item for <see cref="TargetType.Employer"/> applies to every employer), and it was not inspected
    /// within the exclusion window, unless it carries a risk flag.
    /// </summary>
    /// <remarks>
    /// The window is the days after the draw date minus <paramref name="exclusionMonths"/> calendar months, up
    /// to the draw date and beyond. So for a draw on 2026-06-15 with 12 months, an inspection on 2025-06-15 is
    /// outside the window and the employer is eligible again, while one on 2025-06-16 is excluded. Month ends
    /// clamp: 12 months before 2028-02-29 is 2027-02-28. A window of 0 months excludes nobody.
    /// </remarks>
    /// <exception cref="ValidationException">
    /// A credit code is invalid or repeated, the employers belong to more than one office, there are no items,
    /// or the window is negative.
    /// </exception>
    public static PoolBuildResult Build(
        IReadOnlyList<Employer> employers, IReadOnlyList<InspectionItem> items, DateOnly drawDate, int exclusionMonths)
    {
        ArgumentNullException.ThrowIfNull(employers);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            throw new ValidationException("items", null, "is empty. A plan has at least one inspection item");
        }

        if (exclusionMonths < 0)
        {
            throw new ValidationException(
                "exclusionMonths", exclusionMonths.ToString(CultureInfo.InvariantCulture), "must not be negative");
        }

        var sorted = employers.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.CreditCode, b.CreditCode));
        Validate(sorted);

        var coversEveryEmployer = items.Any(item => item.TargetType == TargetType.Employer);
        var coveredTypes = items.Select(item => item.TargetType).ToHashSet();
        var cutoff = drawDate.AddMonths(-exclusionMonths);
        var pool = new List<PoolEntry>(sorted.Length);
        var exclusions = new List<PoolExclusion>();
        foreach (var employer in sorted)
        {
            var riskFlagged = employer.RiskFlags.Count > 0;
            string? reason = null;
            if (employer.Status != EmployerStatus.Active)
            {
                reason = $"registry status is {employer.Status}";
            }
            else if (!coversEveryEmployer && !coveredTypes.Contains(employer.TargetType))
            {
                reason = $"no item of the plan applies to target type {employer.TargetType}";
            }
            else if (exclusionMonths > 0 && !riskFlagged
                && employer.LastInspectedOn is { } inspected && inspected > cutoff)
            {
                var date = inspected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var months = exclusionMonths.ToString(CultureInfo.InvariantCulture);
                reason = $"inspected on {date}, within {months} months";
            }

            if (reason is null)
            {
                pool.Add(new PoolEntry(employer.CreditCode, riskFlagged));
            }
            else
            {
                exclusions.Add(new PoolExclusion(employer.CreditCode, reason));
            }
        }

        return new PoolBuildResult(pool, exclusions);
    }

    private static void Validate(Employer[] sorted)
    {
        for (var i = 0; i < sorted.Length; i++)
        {
            var employer = sorted[i];
            if (CreditCode.Validate(employer.CreditCode) is { } reason)
            {
                throw new ValidationException("creditCode", employer.CreditCode, reason);
            }

            if (employer.OfficeCode != sorted[0].OfficeCode)
            {
                throw new ValidationException(
                    "officeCode",
                    employer.OfficeCode,
                    $"of employer {employer.CreditCode} is not {sorted[0].OfficeCode}, but a pool has one office");
            }

            if (i > 0 && sorted[i - 1].CreditCode == employer.CreditCode)
            {
                throw new ValidationException("creditCode", employer.CreditCode, "appears more than once");
            }
        }
    }
}
