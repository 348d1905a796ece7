using System.Security.Cryptography;
using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Draws;

/// <summary>
/// Builds an office's pool for a plan slot and stores it write-once, or reads the stored one. Whatever a
/// first run stored wins, so a retry or a second host always draws from the same pool.
/// </summary>
public sealed class PoolFreezer(IRegistryStore registry, IRecordStore records)
{
    private const string TextPlain = "text/plain; charset=utf-8";

    public async Task<FrozenPool> FreezeAsync(
        DrawPlan plan, DateTimeOffset slot, string officeCode, IReadOnlyList<InspectionItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var poolPath = DrawPaths.Pool(plan.PlanId, slot, officeCode);
        var riskPath = DrawPaths.RiskPool(plan.PlanId, slot, officeCode);
        var exclusionsPath = DrawPaths.PoolExclusions(plan.PlanId, slot, officeCode);

        if (await records.ReadAsync(poolPath, cancellationToken) is null)
        {
            var employers = await registry.ListEmployersAsync(officeCode, cancellationToken);
            var built = PoolBuilder.Build(employers, items, ChinaTime.DateOf(slot), plan.ExclusionMonths);
            var risk = built.Pool.Where(e => e.RiskFlagged).ToList();

            // The exclusions and risk files go first: a reader treats the pool file as the sign that all three exist.
            await records.TryWriteOnceAsync(exclusionsPath, RecordJson.Serialize(built.Exclusions), "application/json", cancellationToken);
            await records.TryWriteOnceAsync(riskPath, BinaryData.FromString(PoolFile.Format(risk)), TextPlain, cancellationToken);
            await records.TryWriteOnceAsync(poolPath, BinaryData.FromString(PoolFile.Format(built.Pool)), TextPlain, cancellationToken);
        }

        return await ReadAsync(records, poolPath, riskPath, exclusionsPath, cancellationToken);
    }

    /// <summary>Reads a stored pool back, as the verifier does.</summary>
    public static async Task<FrozenPool> ReadAsync(
        IRecordStore records, string poolPath, string riskPath, string exclusionsPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var poolBytes = await ReadRequiredAsync(records, poolPath, cancellationToken);
        var riskBytes = await ReadRequiredAsync(records, riskPath, cancellationToken);
        var exclusionBytes = await ReadRequiredAsync(records, exclusionsPath, cancellationToken);

        var riskCodes = PoolFile.Parse(riskBytes.ToString());
        var riskSet = riskCodes.ToHashSet(StringComparer.Ordinal);
        var entries = PoolFile.Parse(poolBytes.ToString())
            .Select(code => new PoolEntry(code, riskSet.Contains(code)))
            .ToList();
        var exclusions = RecordJson.Deserialize<List<PoolExclusion>>(exclusionBytes);

        var record = new PoolRecord(
            poolPath, Sha256Hex(poolBytes), entries.Count, riskPath, Sha256Hex(riskBytes), riskCodes.Count);
        return new FrozenPool(entries, exclusions, record);
    }

    /// <summary>Returns the lowercase hex SHA-256 of a stored file's bytes, as sha256sum prints it.</summary>
    public static string Sha256Hex(BinaryData content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
    }

    /// <summary>Returns the lowercase hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static async Task<BinaryData> ReadRequiredAsync(IRecordStore records, string path, CancellationToken cancellationToken) =>
        await records.ReadAsync(path, cancellationToken)
        ?? throw new InvalidOperationException($"The stored file '{path}' is missing; the pool of this slot is incomplete.");
}
