using Serverless.Shared.Domain;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// Which employers a campaign is about. An employer enters the pool only when it passes every condition set.
/// </summary>
/// <param name="Industries">GB/T 4754 industry sections, for example C and E, or empty for any industry.</param>
/// <param name="MinHeadcount">Smallest headcount, inclusive, or null.</param>
/// <param name="MaxHeadcount">Largest headcount, inclusive, or null.</param>
/// <param name="RiskFlaggedOnly">True to keep only employers that carry a risk flag.</param>
public sealed record TargetFilter(
    IReadOnlyList<string> Industries, int? MinHeadcount, int? MaxHeadcount, bool RiskFlaggedOnly)
{
    /// <summary>Returns true when the employer passes every condition of the filter.</summary>
    public bool Matches(Employer employer)
    {
        ArgumentNullException.ThrowIfNull(employer);
        if (Industries.Count > 0 && !Industries.Contains(employer.Industry, StringComparer.Ordinal))
        {
            return false;
        }

        if (employer.Headcount < MinHeadcount || employer.Headcount > MaxHeadcount)
        {
            return false;
        }

        return !RiskFlaggedOnly || employer.RiskFlags.Count > 0;
    }
}
