using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>The numbers that roster and registry milestones are measured against.</summary>
/// <param name="OfficersPerTier">Required active officers with valid certificates, per tier.</param>
/// <param name="EmployersPerTier">Employer registry target per tier, used when an office has no target of its own.</param>
/// <param name="EmployersPerOffice">Employer registry target of single offices, by office code.</param>
public sealed record MilestoneTargets(
    IReadOnlyDictionary<OfficeTier, int> OfficersPerTier,
    IReadOnlyDictionary<OfficeTier, int> EmployersPerTier,
    IReadOnlyDictionary<string, int> EmployersPerOffice)
{
    /// <summary>Returns the required number of officers of an office, or 0 when its tier has none.</summary>
    public int RequiredOfficers(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return OfficersPerTier.GetValueOrDefault(office.Tier);
    }

    /// <summary>Returns the employer target of an office: its own, else its tier's, else 0.</summary>
    public int EmployerTarget(Office office)
    {
        ArgumentNullException.ThrowIfNull(office);
        return EmployersPerOffice.TryGetValue(office.Code, out var target)
            ? target
            : EmployersPerTier.GetValueOrDefault(office.Tier);
    }
}
