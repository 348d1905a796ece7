using System.Globalization;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Checks, before a campaign is accepted, that it can be carried out: the deadline is not past, the filtered
/// pools of the offices in scope are not all empty, and every drawing office has enough eligible officers
/// for one team. In a joint campaign every participating department must be stored, share no officer id with the
/// officer roster, and have enough eligible officers for each drawing office.
/// </summary>
public sealed class CampaignFeasibility(IRegistryStore registry, IDepartmentStore departments, TimeProvider time)
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
        var joined = await JointDepartmentsAsync(campaign, cancellationToken);
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

            foreach (var (department, joint) in joined)
            {
                var roster = JointDraw.Roster(department, campaign.BorrowOfficers, offices, office);
                var available = JointDraw.CountEligible(roster, campaign.Deadline);
                if (available < joint.OfficersPerTarget)
                {
                    throw new CampaignRejectedException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Department {department.Code} has {available} eligible officers for office {office}, " +
                        $"fewer than the {joint.OfficersPerTarget} each joint team needs."));
                }
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

    private async Task<List<(Department Department, JointDepartment Joint)>> JointDepartmentsAsync(
        Campaign campaign, CancellationToken cancellationToken)
    {
        var result = new List<(Department, JointDepartment)>();
        var joint = campaign.JointDepartments ?? [];
        if (joint.Count == 0)
        {
            return result;
        }

        var leadIds = new HashSet<string>(StringComparer.Ordinal);
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        foreach (var office in tree.InspectingOfficesIn(campaign.OfficeCodes, "scope"))
        {
            leadIds.UnionWith((await registry.ListOfficersAsync(office, cancellationToken)).Select(o => o.OfficerId));
        }

        for (var i = 0; i < joint.Count; i++)
        {
            var field = $"joint.departments[{i}].code";
            var department = await departments.GetAsync(joint[i].Code, cancellationToken)
                ?? throw new ValidationException(field, joint[i].Code, "is not a stored department");
            if (department.Officers.FirstOrDefault(o => leadIds.Contains(o.OfficerId)) is { } shared)
            {
                throw new ValidationException(
                    field, joint[i].Code, $"shares officer id {shared.OfficerId} with the officer roster; give it another id");
            }

            result.Add((department, joint[i]));
        }

        return result;
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
