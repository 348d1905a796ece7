namespace Serverless.Shared.Milestones;

/// <summary>
/// A versioned set of milestones, for example the deadlines of one provincial plan. A version is stored once and
/// never replaced; a change is posted as a new version.
/// </summary>
/// <param name="SetId">Set id; lowercase letters, digits and hyphens.</param>
/// <param name="Version">Version, from 1.</param>
/// <param name="Name">Name in Chinese.</param>
/// <param name="Milestones">Milestones of the set.</param>
/// <param name="Targets">Numbers the roster and registry milestones are measured against.</param>
public sealed record MilestoneSet(
    string SetId,
    int Version,
    string Name,
    IReadOnlyList<MilestoneDefinition> Milestones,
    MilestoneTargets Targets)
{
    /// <summary>Returns the milestone with the id, or raises a validation error naming it.</summary>
    public MilestoneDefinition Get(string milestoneId) =>
        Milestones.FirstOrDefault(m => m.MilestoneId == milestoneId)
        ?? throw new Domain.ValidationException(
            "milestoneId", milestoneId, $"is not a milestone of set {SetId} version {Version}");
}
