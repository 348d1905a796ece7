using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Builds an office's pool for a campaign, with the campaign's filter applied first, and stores it write-once at
/// the same paths as a scheduled draw's pool (plan id = campaign id, slot = acceptance time), so the verifier
/// reads it the same way.
/// </summary>
public sealed class CampaignPoolFreezer(IRegistryStore registry, IRecordStore records)
{
    private const string TextPlain = "text/plain; charset=utf-8";

    /// <summary>
    /// Campaigns target a problem now, so an inspection in recent months does not keep an employer out of the pool.
    /// </summary>
    public const int ExclusionMonths = 0;

    /// <summary>Returns the stored pool and how many active employers the filter left out.</summary>
    public async Task<(FrozenPool Pool, int FilteredOut)> FreezeAsync(
        Campaign campaign, string officeCode, IReadOnlyList<InspectionItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var slot = campaign.RequestedAt;
        var poolPath = DrawPaths.Pool(campaign.CampaignId, slot, officeCode);
        var riskPath = DrawPaths.RiskPool(campaign.CampaignId, slot, officeCode);
        var exclusionsPath = DrawPaths.PoolExclusions(campaign.CampaignId, slot, officeCode);

        var employers = await registry.ListEmployersAsync(officeCode, cancellationToken);
        var active = employers.Where(e => e.Status == EmployerStatus.Active).ToList();
        var kept = campaign.Filter is null ? active : active.Where(campaign.Filter.Matches).ToList();
        if (await records.ReadAsync(poolPath, cancellationToken) is null)
        {
            var built = PoolBuilder.Build(kept, items, ChinaTime.DateOf(slot), ExclusionMonths);
            var risk = built.Pool.Where(e => e.RiskFlagged).ToList();

            // As for scheduled pools, the pool file is written last: it is the sign that all three exist.
            await records.TryWriteOnceAsync(
                exclusionsPath, RecordJson.Serialize(built.Exclusions), "application/json", cancellationToken);
            await records.TryWriteOnceAsync(
                riskPath, BinaryData.FromString(PoolFile.Format(risk)), TextPlain, cancellationToken);
            await records.TryWriteOnceAsync(
                poolPath, BinaryData.FromString(PoolFile.Format(built.Pool)), TextPlain, cancellationToken);
        }

        var pool = await PoolFreezer.ReadAsync(records, poolPath, riskPath, exclusionsPath, cancellationToken);
        return (pool, active.Count - kept.Count);
    }
}
