namespace Serverless.Workflows.Orchestrations;

/// <summary>What a draw needs before its offices draw: who draws, with which entropy, and by when.</summary>
/// <param name="DrawId">Draw id (the orchestration's instance id).</param>
/// <param name="PlanId">Plan id.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
/// <param name="OfficeCodes">Inspecting offices in scope, in ordinal order.</param>
/// <param name="EntropySources">RFC 3797 sources: the operator's, or the revealed seed.</param>
/// <param name="SeedSha256">SHA-256 of the committed seed, or null.</param>
/// <param name="CommittedAt">When the seed and pools were committed, or null.</param>
/// <param name="CommittedLate">True when the commitment was not made before the draw day.</param>
/// <param name="DrawnOn">Draw date in China Standard Time.</param>
/// <param name="Deadline">Inspection deadline.</param>
public sealed record DrawPreparation(
    string DrawId,
    string PlanId,
    DateTimeOffset Slot,
    IReadOnlyList<string> OfficeCodes,
    IReadOnlyList<string> EntropySources,
    string? SeedSha256,
    DateTimeOffset? CommittedAt,
    bool CommittedLate,
    DateOnly DrawnOn,
    DateOnly Deadline);
