using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>The offices a milestone applies to.</summary>
/// <param name="Tiers">Tiers of the offices.</param>
/// <param name="Inspects">
/// Null for every office of those tiers, true for inspecting offices only (counties, Dongguan, Zhongshan), false
/// for the offices that do not inspect themselves.
/// </param>
public sealed record MilestoneScope(IReadOnlyList<OfficeTier> Tiers, bool? Inspects = null)
{
    /// <summary>True when the milestone applies to <paramref name="office"/>.</summary>
    public bool Includes(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return Tiers.Contains(office.Tier) && (Inspects is null || Inspects == office.Inspects);
    }
}
