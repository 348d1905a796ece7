using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Activities;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Sends the notices of one step: a reminder to the office, or an escalation to the office above (and to the
/// province when the rule copies it). Each notice goes through the outbox under the instance id and
/// <c>{office}.{milestone}.{step}</c>, so it is sent at most once. Returns how many notices this run sent.
/// </summary>
public sealed class SendMilestoneReminderActivity(
    MilestoneSetStore sets,
    IRegistryStore registry,
    IOutboxStore outbox,
    INoticeSender sender,
    ILogger<SendMilestoneReminderActivity> logger)
    : TaskActivity<MilestoneReminder, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, MilestoneReminder input) => ExecuteAsync(input);

    public async Task<int> ExecuteAsync(MilestoneReminder input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var check = input.Check;
        var set = await sets.GetAsync(check.SetId, check.Version, cancellationToken)
            ?? throw new ValidationException("setId", check.SetId, $"has no stored version {check.Version}");
        var milestone = set.Get(check.MilestoneId);
        var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
        var office = tree.Get(check.OfficeCode, "officeCode");

        var sent = 0;
        foreach (var (recipient, recipientId) in Recipients(tree, office, milestone, input))
        {
            var notice = MilestoneNoticeComposer.Compose(
                input.InstanceId, recipientId, recipient, office, set, milestone, input.Step, check.DueDate, input.Missing);
            if (await SendOnceAsync(input.InstanceId, recipientId, notice, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private static List<(Office Recipient, string RecipientId)> Recipients(
        OfficeTree tree, Office office, MilestoneDefinition milestone, MilestoneReminder input)
    {
        var baseId = $"{office.Code}.{milestone.MilestoneId}.{input.Step.StepId}";
        if (input.Step.Kind != MilestoneStepKind.Escalation)
        {
            return [(office, baseId)];
        }

        // The province has no office above, so its own lateness is escalated to itself.
        var parent = office.ParentCode is null ? office : tree.Get(office.ParentCode, "parentCode");
        var recipients = new List<(Office, string)> { (parent, $"{baseId}.{parent.Code}") };
        if (milestone.Escalation.CopyProvince && parent.Tier == OfficeTier.City && parent.ParentCode is { } province)
        {
            recipients.Add((tree.Get(province, "parentCode"), $"{baseId}.{province}"));
        }

        return recipients;
    }

    private async Task<bool> SendOnceAsync(string instanceId, string recipientId, Notice notice, CancellationToken cancellationToken)
    {
        await outbox.AddIfMissingAsync(instanceId, recipientId, cancellationToken);
        if (!await outbox.TryClaimAsync(instanceId, recipientId, cancellationToken))
        {
            MilestoneLog.NoticeAlreadyHandled(logger, instanceId, recipientId);
            return false;
        }

        await ClaimedNoticeSender.SendAsync(outbox, sender, logger, instanceId, recipientId, notice, cancellationToken);
        MilestoneLog.NoticeSent(logger, instanceId, notice.MessageId);
        return true;
    }
}
