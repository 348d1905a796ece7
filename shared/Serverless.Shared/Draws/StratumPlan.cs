namespace Serverless.Shared.Draws;

/// <summary>One stratum of an office's draw.</summary>
/// <param name="Name">"all", "risk" or "general".</param>
/// <param name="Candidates">Entries of the stratum in pool order. Line n of its pool file is entry n - 1.</param>
/// <param name="Count">Number of targets to draw from the stratum.</param>
/// <param name="Sources">RFC 3797 sources of the stratum's key: the draw's, plus the name when stratified.</param>
public sealed record StratumPlan(
    string Name, IReadOnlyList<PoolEntry> Candidates, int Count, IReadOnlyList<string> Sources);
