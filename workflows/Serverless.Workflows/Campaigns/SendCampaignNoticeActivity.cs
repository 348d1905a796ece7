using Microsoft.DurableTask;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Sends one officer the digest of a campaign draw, at most once.</summary>
public sealed class SendCampaignNoticeActivity(
    IRegistryStore registry, IDepartmentStore departments, IAssignmentStore assignments, OutboxNotices notices)
    : TaskActivity<CampaignNoticeRequest, NoticeOutcome>
{
    public override Task<NoticeOutcome> RunAsync(TaskActivityContext context, CampaignNoticeRequest input) =>
        ExecuteAsync(input);

    public async Task<NoticeOutcome> ExecuteAsync(CampaignNoticeRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = input.Campaign;
        var items = await CampaignItems.LoadAsync(registry, campaign, cancellationToken);
        var office = await registry.GetOfficeAsync(input.OfficeCode, cancellationToken)
            ?? throw new ValidationException("officeCode", input.OfficeCode, "is not a known office code");
        var roster = input.DepartmentCode is null
            ? await registry.ListOfficersAsync(input.OfficerOfficeCode, cancellationToken)
            : (await departments.GetAsync(input.DepartmentCode, cancellationToken))?.Officers ?? [];
        var officer = roster.FirstOrDefault(o => o.OfficerId == input.OfficerId)
            ?? throw new ValidationException(
                "officerId",
                input.OfficerId,
                $"is not in the roster of office {input.OfficerOfficeCode} of department {input.DepartmentCode ?? Department.LeadCode}");
        var rows = await assignments.ListByOfficerAsync(input.OfficerId, campaign.CampaignId, cancellationToken);
        var notice = DrawDigestComposer.Compose(
            campaign.CampaignId,
            campaign.Name,
            office.Name,
            officer,
            rows,
            items.ToDictionary(i => i.Code, StringComparer.Ordinal),
            campaign.Deadline);
        return await notices.SendOnceAsync(campaign.CampaignId, input.OfficerId, notice, cancellationToken);
    }
}
