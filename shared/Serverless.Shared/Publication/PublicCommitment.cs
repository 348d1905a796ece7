namespace Serverless.Shared.Publication;

/// <summary>The seed commitment of an upcoming scheduled draw, published before the draw.</summary>
/// <param name="PlanId">Plan id.</param>
/// <param name="PlanName">Plan name.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
/// <param name="SeedSha256">SHA-256 of the seed that the draw will reveal.</param>
/// <param name="CommittedAt">When the seed and pools were committed, in UTC.</param>
/// <param name="Pools">The frozen pool hash of each office, in office code order.</param>
public sealed record PublicCommitment(
    string PlanId,
    string PlanName,
    DateTimeOffset Slot,
    string SeedSha256,
    DateTimeOffset CommittedAt,
    IReadOnlyList<PublicPoolHash> Pools);

/// <summary>One office's frozen pool hash.</summary>
/// <param name="OfficeCode">Office code.</param>
/// <param name="OfficeName">Office name, or the code when the office is no longer stored.</param>
/// <param name="PoolSha256">SHA-256 of the frozen pool file.</param>
public sealed record PublicPoolHash(string OfficeCode, string OfficeName, string PoolSha256);
