using System.Globalization;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Checks, before a campaign is accepted, that it can be carried out: the deadline is not past, the filtered
/// pools of the offices in scope are not all empty, and every drawing office has enough eligible officers
/// for one team.
/// </summary>
public sealed class CampaignFeasibility(IRegistryStore registry, TimeProvider time)
{
    /// <summary>Returns the inspecting offices in scope, or raises why the campaign cannot be carried out.</summary>
    /// <exception cref="ValidationException">An office or item code is unknown.</exception>
    /// <exception cref="CampaignRejectedException">The campaign cannot be carried out.</exception>
    public async Task<IReadOnlyList<string>> CheckAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        if (campaign.Deadline < today)
        {
            throw new CampaignRejectedException(
                $"The deadline {Format(campaign.Deadline)} is in the past; today is {Format(today)} in China.");
        }

        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var offices = tree.InspectingOfficesIn(campaign.OfficeCodes, "scope");
        var items = await CampaignItems.LoadAsync(registry, campaign, cancellationToken);
        var pool = 0;
        foreach (var office in offices)
        {
            var employers = (await registry.ListEmployersAsync(office, cancellationToken))
                .Where(e => e.Status == EmployerStatus.Active && (campaign.Filter?.Matches(e) ?? true))
                .ToList();
            var size = PoolBuilder.Build(employers, items, today, CampaignPoolFreezer.ExclusionMonths).Pool.Count;
            pool += size;
            if (size == 0)
            {
                continue;
            }

            var officers = await CampaignItems.RosterAsync(registry, campaign, offices, office, cancellationToken);
            var eligible = officers.Count(o => o.Status == OfficerStatus.Active
                && o.CertificateExpiry >= campaign.Deadline
                && campaign.ItemCodes.All(code => o.Qualifications.Contains(code, StringComparer.Ordinal)));
            if (eligible < campaign.OfficersPerTarget)
            {
                throw new CampaignRejectedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Office {office} has {eligible} eligible officers, fewer than the {campaign.OfficersPerTarget} a team needs."));
            }
        }

        if (pool == 0)
        {
            throw new CampaignRejectedException(string.Create(
                CultureInfo.InvariantCulture,
                $"The pool is empty: no employer of the {offices.Count} offices in scope passes the filter and the items."));
        }

        return offices;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
