using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Logging;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Activities;

/// <summary>
/// Sends one officer the digest of a draw. The outbox row is claimed first, so a second run of this activity
/// sends nothing. <see cref="ClaimedNoticeSender"/> decides when a failed send releases the claim.
/// </summary>
public sealed class SendDrawNoticeActivity(
    IRegistryStore registry,
    DrawNoticeSources sources,
    IAssignmentStore assignments,
    IOutboxStore outbox,
    INoticeSender sender,
    ILogger<SendDrawNoticeActivity> logger)
    : TaskActivity<NoticeRequest, NoticeOutcome>
{
    public override Task<NoticeOutcome> RunAsync(TaskActivityContext context, NoticeRequest input) => ExecuteAsync(input);

    public async Task<NoticeOutcome> ExecuteAsync(NoticeRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draw = input.Draw;

        // Everything the notice needs is read before the claim, so a read failure leaves the row pending.
        var notice = await ComposeAsync(input, cancellationToken);
        if (!await outbox.TryClaimAsync(draw.DrawId, input.OfficerId, cancellationToken))
        {
            WorkflowLog.NoticeAlreadyHandled(logger, draw.DrawId, input.OfficerId);
            return NoticeOutcome.AlreadyHandled;
        }

        await ClaimedNoticeSender.SendAsync(
            outbox, sender, logger, draw.DrawId, input.OfficerId, notice, cancellationToken);
        WorkflowLog.NoticeSent(logger, draw.DrawId, notice.MessageId);
        return NoticeOutcome.Sent;
    }

    private async Task<Notice> ComposeAsync(NoticeRequest input, CancellationToken cancellationToken)
    {
        var draw = input.Draw;
        var data = await sources.GetAsync(draw.DrawId, draw.PlanId, cancellationToken);
        var office = data.Offices.GetValueOrDefault(input.OfficeCode)
            ?? throw new ValidationException("officeCode", input.OfficeCode, "is not a known office code");
        var officer = await registry.GetOfficerAsync(input.OfficeCode, input.OfficerId, cancellationToken)
            ?? throw new ValidationException("officerId", input.OfficerId, $"is not in the roster of office {input.OfficeCode}");
        var rows = await assignments.ListByOfficerAsync(input.OfficerId, draw.DrawId, cancellationToken);

        return DrawDigestComposer.Compose(
            draw.DrawId,
            data.PlanName,
            office.Name,
            officer,
            rows,
            data.Items,
            draw.Deadline);
    }
}
