using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Logging;

namespace Serverless.Workflows.Draws;

/// <summary>
/// Commits a scheduled draw to a secret random seed: stores the seed privately, freezes every office's pool,
/// and records the SHA-256 of the seed and of each pool. The draw later reveals the seed in its record.
/// </summary>
public sealed class SeedCommitter(
    IRegistryStore registry,
    IRecordStore records,
    ICommitmentStore commitments,
    PoolFreezer freezer,
    TimeProvider time,
    ILogger<SeedCommitter> logger)
{
    /// <summary>Makes the commitment, or returns the stored one, with the seed it commits to.</summary>
    public async Task<(SeedCommitment Commitment, string Seed)> CommitAsync(
        DrawPlan plan, IReadOnlyList<string> officeCodes, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(officeCodes);
        var seedPath = DrawPaths.Seed(plan.PlanId, slot);

        // 256 bits from the operating system's CSPRNG, as 64 hex digits. The first stored seed wins.
        var candidate = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await records.TryWriteOnceAsync(seedPath, BinaryData.FromString(candidate), "text/plain; charset=utf-8", cancellationToken);
        var seed = (await records.ReadAsync(seedPath, cancellationToken))?.ToString()
            ?? throw new InvalidOperationException($"The seed at '{seedPath}' vanished after it was written.");

        var existing = await commitments.GetAsync(plan.PlanId, slot, cancellationToken);
        if (existing is not null)
        {
            return (existing, seed);
        }

        var items = await PlanItems.LoadAsync(registry, plan, cancellationToken);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var officeCode in officeCodes)
        {
            var pool = await freezer.FreezeAsync(plan, slot, officeCode, items, cancellationToken);
            hashes[officeCode] = pool.Record.Sha256;
        }

        var commitment = new SeedCommitment(plan.PlanId, slot, PoolFreezer.Sha256Hex(seed), hashes, time.GetUtcNow());
        var stored = await commitments.AddIfMissingAsync(commitment, cancellationToken);
        WorkflowLog.SeedCommitted(logger, plan.PlanId, slot, stored.SeedSha256, hashes.Count);
        return (stored, seed);
    }
}
