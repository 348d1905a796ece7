namespace Serverless.Shared.Milestones;

/// <summary>Milestone starts that wait for a calendar year, one per instance id.</summary>
public interface IPendingMilestoneStore
{
    /// <summary>
    /// Stores the start unless one with its instance id is stored, and returns the stored one, so the first start
    /// date is kept when the same start is deferred again.
    /// </summary>
    Task<PendingMilestoneStart> AddIfMissingAsync(
        PendingMilestoneStart start, CancellationToken cancellationToken = default);

    /// <summary>Returns the pending start of an instance, or null.</summary>
    Task<PendingMilestoneStart?> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Returns every pending start, ordered by instance id.</summary>
    Task<IReadOnlyList<PendingMilestoneStart>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a pending start for this caller. Returns false when it is gone, or another caller claimed it less than
    /// <paramref name="staleAfter"/> ago or at the same moment.
    /// </summary>
    Task<bool> TryClaimAsync(
        string instanceId, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken = default);

    /// <summary>Removes a pending start; removing one that is gone does nothing.</summary>
    Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default);
}
