using Microsoft.DurableTask;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Resolves a campaign's inspecting offices and states its draw as a scheduled draw would.</summary>
public sealed class PrepareCampaignActivity(IRegistryStore registry) : TaskActivity<Campaign, DrawPreparation>
{
    public override Task<DrawPreparation> RunAsync(TaskActivityContext context, Campaign input) => ExecuteAsync(input);

    public async Task<DrawPreparation> ExecuteAsync(Campaign input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var officeCodes = tree.InspectingOfficesIn(input.OfficeCodes, "scope");
        return Preparation(input, officeCodes);
    }

    /// <summary>The draw of a campaign: its id, acceptance time as the slot, declared sources and deadline.</summary>
    public static DrawPreparation Preparation(Campaign campaign, IReadOnlyList<string> officeCodes)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new DrawPreparation(
            campaign.CampaignId,
            campaign.CampaignId,
            campaign.RequestedAt,
            officeCodes,
            campaign.EntropySources,
            null,
            null,
            false,
            ChinaTime.DateOf(campaign.RequestedAt),
            campaign.Deadline);
    }
}
