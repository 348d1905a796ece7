using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Draws;

/// <summary>An office's pool as stored for a plan slot, with its exclusions and the hashes of its files.</summary>
/// <param name="Entries">Pool in canonical order, risk flags included.</param>
/// <param name="Exclusions">Employers left out and why.</param>
/// <param name="Record">Paths, sizes and hashes of the pool files.</param>
public sealed record FrozenPool(IReadOnlyList<PoolEntry> Entries, IReadOnlyList<PoolExclusion> Exclusions, PoolRecord Record);
