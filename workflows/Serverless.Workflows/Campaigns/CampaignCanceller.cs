using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Stops a campaign: records the reason once, terminates its orchestration if it still runs, and sends a
/// cancellation notice once to every officer whose draw notice was already sent.
/// </summary>
public sealed class CampaignCanceller(
    ICampaignStore campaigns,
    IRegistryStore registry,
    IRecordStore records,
    IDepartmentStore departments,
    IOutboxStore outbox,
    OutboxNotices notices,
    TimeProvider time,
    ILogger<CampaignCanceller> logger)
{
    /// <summary>Returns the stored cancellation and the notices this call sent, or null for an unknown campaign.</summary>
    public async Task<(CampaignCancellation Cancellation, int NoticesSent)?> CancelAsync(
        DurableTaskClient client, string campaignId, string reason, string principalId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var stored = await campaigns.GetAsync(campaignId, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var cancellation = await campaigns.CancelAsync(
            campaignId, new CampaignCancellation(reason, principalId, time.GetUtcNow()), cancellationToken)
            ?? throw new InvalidOperationException($"Campaign {campaignId} vanished while it was cancelled.");
        var instance = await client.GetInstanceAsync(campaignId, getInputsAndOutputs: false, cancellationToken);
        if (instance is { IsRunning: true } || instance?.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            await client.TerminateInstanceAsync(campaignId, (object)"cancelled", cancellationToken);
        }

        var sent = 0;
        foreach (var (officerId, officer) in await NotifiedOfficersAsync(stored.Campaign, cancellationToken))
        {
            var recipientId = $"{officerId}.cancel";
            var notice = RecusalNotices.Cancelled(stored.Campaign, cancellation, officer, recipientId);
            if (await notices.SendOnceAsync(campaignId, recipientId, notice, cancellationToken) == NoticeOutcome.Sent)
            {
                sent++;
            }
        }

        CampaignLog.CampaignCancelled(logger, campaignId, principalId, sent);
        return (cancellation, sent);
    }

    private async Task<List<(string OfficerId, Officer Officer)>> NotifiedOfficersAsync(
        Campaign campaign, CancellationToken cancellationToken)
    {
        var prefix = DrawPaths.OfficeRecordPrefix(campaign.CampaignId);
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in await records.ListAsync(prefix, cancellationToken))
        {
            if (path[prefix.Length..].Contains('/', StringComparison.Ordinal)
                || await records.ReadAsync(path, cancellationToken) is not { } bytes)
            {
                continue;
            }

            var record = RecordJson.Deserialize<OfficeDrawRecord>(bytes);
            assigned.UnionWith(record.Selected.SelectMany(t => JointDraw.Team(record, t)).Select(m => m.OfficerId));
        }

        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var officers = new Dictionary<string, Officer>(StringComparer.Ordinal);
        foreach (var office in tree.InspectingOfficesIn(campaign.OfficeCodes, "scope"))
        {
            foreach (var officer in await registry.ListOfficersAsync(office, cancellationToken))
            {
                officers[officer.OfficerId] = officer;
            }
        }

        foreach (var joint in campaign.JointDepartments ?? [])
        {
            var department = await departments.GetAsync(joint.Code, cancellationToken);
            foreach (var officer in department?.Officers ?? [])
            {
                officers[officer.OfficerId] = officer;
            }
        }

        var result = new List<(string, Officer)>();
        foreach (var officerId in assigned)
        {
            if (officers.TryGetValue(officerId, out var officer)
                && await outbox.GetStateAsync(campaign.CampaignId, officerId, cancellationToken) == NoticeState.Sent)
            {
                result.Add((officerId, officer));
            }
        }

        return result;
    }
}
