namespace Serverless.Shared.Storage;

/// <summary>
/// A commitment made before a scheduled draw: the SHA-256 of a secret random seed and the SHA-256 of each
/// office's pool, frozen at <see cref="CommittedAt"/>.
/// </summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
/// <param name="SeedSha256">Lowercase hex SHA-256 of the seed's UTF-8 text.</param>
/// <param name="PoolSha256ByOffice">Lowercase hex SHA-256 of each office's frozen pool file.</param>
/// <param name="CommittedAt">When the commitment was made, in UTC.</param>
public sealed record SeedCommitment(
    string PlanId,
    DateTimeOffset Slot,
    string SeedSha256,
    IReadOnlyDictionary<string, string> PoolSha256ByOffice,
    DateTimeOffset CommittedAt);
