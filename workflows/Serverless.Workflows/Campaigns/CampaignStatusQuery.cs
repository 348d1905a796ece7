using Microsoft.DurableTask.Client;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Reads a campaign's state for the HTTP API of both hosts.</summary>
public static class CampaignStatusQuery
{
    /// <summary>Status reported for an accepted campaign whose orchestration has not been created yet.</summary>
    public const string Accepted = "Accepted";

    /// <summary>Returns the campaign's state, or null when no campaign has that id.</summary>
    public static async Task<CampaignStatus?> GetAsync(
        DurableTaskClient client, ICampaignStore campaigns, string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(campaigns);
        var stored = await campaigns.GetAsync(campaignId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var campaign = stored.Campaign;
        var instance = await client.GetInstanceAsync(campaignId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null || instance.Name != CampaignTaskNames.CampaignOrchestrator)
        {
            return new CampaignStatus(
                campaignId, campaign.Name, Accepted, campaign.RequestedAt, null, null, null, [], stored.Cancellation, null);
        }

        var summary = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? instance.ReadOutputAs<DrawSummary>()
            : null;
        var records = summary?.OfficeResults.Select(o => o.RecordPath).OfType<string>().ToList() ?? [];
        return new CampaignStatus(
            campaignId,
            campaign.Name,
            instance.RuntimeStatus.ToString(),
            campaign.RequestedAt,
            instance.LastUpdatedAt,
            instance.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<DrawProgress>(),
            summary,
            records,
            stored.Cancellation,
            instance.FailureDetails?.ErrorMessage);
    }
}
