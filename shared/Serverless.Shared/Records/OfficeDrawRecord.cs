using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Records;

/// <summary>
/// The immutable record of one office's draw: every input needed to reproduce it, their hashes, and the
/// outcome. Written once as JSON at <see cref="DrawPaths.OfficeRecord"/>.
/// </summary>
public sealed record OfficeDrawRecord
{
    /// <summary>Version of the selection procedure; changes whenever the procedure would give other output.</summary>
    public const string CurrentAlgorithm = "rfc3797-md5-v1";

    public required string Algorithm { get; init; }

    public required string DrawId { get; init; }

    public required string PlanId { get; init; }

    public required string PlanName { get; init; }

    public required DateTimeOffset Slot { get; init; }

    public required DateOnly DrawnOn { get; init; }

    public required DateOnly Deadline { get; init; }

    public required string OfficeCode { get; init; }

    public required string OfficeName { get; init; }

    public required IReadOnlyList<string> ItemCodes { get; init; }

    public required TargetRule Targets { get; init; }

    public required int OfficersPerTarget { get; init; }

    public required int MaxTargetsPerOfficer { get; init; }

    public required EntropyRecord Entropy { get; init; }

    public required PoolRecord Pool { get; init; }

    public required FileRecord Roster { get; init; }

    public required IReadOnlyList<PoolExclusion> Exclusions { get; init; }

    public required IReadOnlyList<DrawnTarget> Selected { get; init; }

    /// <summary>The campaign's name, filter and officer pool for a campaign draw; null for a scheduled draw.</summary>
    public Campaigns.CampaignRecord? Campaign { get; init; }

    /// <summary>
    /// For a joint cross-department campaign, each participating department's members of every team; null otherwise.
    /// <see cref="Selected"/> then holds the lead department's targets and members.
    /// </summary>
    public Campaigns.JointRecord? Joint { get; init; }
}

/// <summary>The entropy of a draw: the RFC 3797 sources, the key string, and the seed commitment if any.</summary>
/// <param name="Sources">Declared sources, one per entry, in key order.</param>
/// <param name="Key">RFC 3797 key string built from the sources.</param>
/// <param name="SeedSha256">SHA-256 of the committed seed, or null when an operator declared the sources.</param>
/// <param name="CommittedAt">When the seed and pool were committed, or null.</param>
/// <param name="CommittedLate">True when the commitment was made on the draw day rather than before it.</param>
public sealed record EntropyRecord(
    IReadOnlyList<string> Sources,
    string Key,
    string? SeedSha256,
    DateTimeOffset? CommittedAt,
    bool CommittedLate);

/// <summary>A published file and its SHA-256.</summary>
/// <param name="Path">Blob path.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file's bytes.</param>
public sealed record FileRecord(string Path, string Sha256);

/// <summary>The pool files of an office's draw.</summary>
/// <param name="Path">The whole pool, one credit code per line in canonical order.</param>
/// <param name="Sha256">SHA-256 of the pool file.</param>
/// <param name="Size">Number of employers in the pool.</param>
/// <param name="RiskPath">The risk-flagged subset, in the same order.</param>
/// <param name="RiskSha256">SHA-256 of the risk file.</param>
/// <param name="RiskSize">Number of risk-flagged employers.</param>
public sealed record PoolRecord(string Path, string Sha256, int Size, string RiskPath, string RiskSha256, int RiskSize);
