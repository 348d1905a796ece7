using Microsoft.DurableTask.Client;
using Serverless.Shared.Campaigns;
using Serverless.Workflows.Scheduling;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Accepts a campaign once per id: stores it with an add that fails when the id exists, then starts its
/// orchestration with the campaign id as instance id. A repeated or concurrent request with the same id and the
/// same request hash starts nothing new; one with another hash is refused.
/// </summary>
public sealed class CampaignStarter(
    ICampaignStore campaigns, CampaignFeasibility feasibility, DrawScheduler scheduler, TimeProvider time)
{
    /// <summary>Age after which a start claim counts as abandoned.</summary>
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Stores and starts the campaign, or returns the one stored under its id.</summary>
    /// <exception cref="CampaignRejectedException">The campaign cannot be carried out.</exception>
    public async Task<CampaignStart> StartAsync(
        DurableTaskClient client, Campaign campaign, string requestSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(campaign);
        var stored = await campaigns.GetAsync(campaign.CampaignId, cancellationToken);
        if (stored is null)
        {
            await feasibility.CheckAsync(campaign, cancellationToken);
            if (await campaigns.TryAddAsync(campaign, requestSha256, cancellationToken))
            {
                stored = new StoredCampaign(campaign, requestSha256, null);
            }
            else
            {
                stored = await campaigns.GetAsync(campaign.CampaignId, cancellationToken)
                    ?? throw new InvalidOperationException($"Campaign {campaign.CampaignId} conflicted on add but cannot be read.");
            }
        }

        if (stored.RequestSha256 != requestSha256)
        {
            return new CampaignStart(stored.Campaign, CampaignStartOutcome.KeyReused);
        }

        var id = stored.Campaign.CampaignId;
        if (stored.Cancellation is not null
            || await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return new CampaignStart(stored.Campaign, CampaignStartOutcome.Existing);
        }

        // The durable backend behind the self-host's sidecar accepts a second start of a pending instance despite the
        // dedupe statuses, so concurrent requests first claim the start on the campaign row; one of them wins. A
        // stale claim (its starter crashed before starting) lets a repeated request start the campaign.
        if (!await campaigns.TryClaimStartAsync(id, time.GetUtcNow(), ClaimTimeout, cancellationToken))
        {
            return new CampaignStart(stored.Campaign, CampaignStartOutcome.Existing);
        }

        var started = await scheduler.StartOnceAsync(
            client, CampaignTaskNames.CampaignOrchestrator, id, stored.Campaign, cancellationToken);
        return new CampaignStart(stored.Campaign, started ? CampaignStartOutcome.Started : CampaignStartOutcome.Existing);
    }
}

/// <summary>What <see cref="CampaignStarter.StartAsync"/> did.</summary>
/// <param name="Campaign">The stored campaign.</param>
/// <param name="Outcome">Whether this call started it.</param>
public sealed record CampaignStart(Campaign Campaign, CampaignStartOutcome Outcome);
