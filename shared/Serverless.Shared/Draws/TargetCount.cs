using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>Number of targets to draw from a pool.</summary>
public static class TargetCount
{
    /// <summary>
    /// Computes the targets for a pool from a rule: its fixed count, or else its ratio of the pool rounded up
    /// (5% of 101 is 6). <see cref="TargetRule.RiskRatio"/> is not read here.
    /// </summary>
    /// <exception cref="ValidationException">
    /// The ratio is outside 0 to 1, or the count is negative or above the pool.
    /// </exception>
    public static int FromRule(int poolSize, TargetRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(poolSize);
        if (rule.Count is not { } count)
        {
            return FromRatio(poolSize, rule.Ratio, "targets.ratio");
        }

        if (count < 0)
        {
            throw new ValidationException("targets.count", Format(count), "must not be negative");
        }

        if (count > poolSize)
        {
            throw new ValidationException(
                "targets.count", Format(count), $"is larger than the pool of {Format(poolSize)} employers");
        }

        return count;
    }

    /// <summary>Computes the ratio of the pool, rounded up. Errors name the ratio <paramref name="field"/>.</summary>
    /// <exception cref="ValidationException">The ratio is outside 0 to 1.</exception>
    public static int FromRatio(int poolSize, decimal ratio, string field)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(poolSize);
        ArgumentException.ThrowIfNullOrEmpty(field);
        if (ratio is < 0m or > 1m)
        {
            var value = ratio.ToString(CultureInfo.InvariantCulture);
            throw new ValidationException(field, value, "must be between 0 and 1");
        }

        return (int)decimal.Ceiling(ratio * poolSize);
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
