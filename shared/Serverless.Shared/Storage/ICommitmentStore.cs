namespace Serverless.Shared.Storage;

/// <summary>Seed commitments of scheduled draws, one table row per plan and slot.</summary>
public interface ICommitmentStore
{
    /// <summary>Adds a commitment unless one exists for that plan and slot, and returns the stored one.</summary>
    Task<SeedCommitment> AddIfMissingAsync(SeedCommitment commitment, CancellationToken cancellationToken = default);

    Task<SeedCommitment?> GetAsync(string planId, DateTimeOffset slot, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SeedCommitment>> ListAsync(string planId, CancellationToken cancellationToken = default);
}
