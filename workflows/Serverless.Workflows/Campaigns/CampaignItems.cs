using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

using Serverless.Workflows.Draws;

namespace Serverless.Workflows.Campaigns;

/// <summary>Resolves a campaign's item codes and rosters against the registry.</summary>
public static class CampaignItems
{
    /// <summary>Returns the items in campaign order, or raises a ValidationException for an unknown code.</summary>
    public static async Task<IReadOnlyList<InspectionItem>> LoadAsync(
        IRegistryStore registry, Campaign campaign, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return await PlanItems.ResolveAsync(registry, campaign.ItemCodes, "itemCodes", cancellationToken);
    }

    /// <summary>
    /// Returns the officers a team of <paramref name="officeCode"/> is drawn from: the office's own, or those of
    /// every inspecting office in scope when the campaign borrows officers.
    /// </summary>
    public static async Task<IReadOnlyList<Officer>> RosterAsync(
        IRegistryStore registry,
        Campaign campaign,
        IReadOnlyList<string> scopeOffices,
        string officeCode,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(scopeOffices);
        if (!campaign.BorrowOfficers)
        {
            return await registry.ListOfficersAsync(officeCode, cancellationToken);
        }

        var officers = new List<Officer>();
        foreach (var code in scopeOffices)
        {
            officers.AddRange(await registry.ListOfficersAsync(code, cancellationToken));
        }

        return officers;
    }
}
