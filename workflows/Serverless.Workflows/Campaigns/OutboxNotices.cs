using Microsoft.Extensions.Logging;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Activities;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Sends a notice at most once through the outbox: the row is added, claimed with an ETag check, and sent and
/// marked by <see cref="ClaimedNoticeSender"/>.
/// </summary>
public sealed class OutboxNotices(IOutboxStore outbox, INoticeSender sender, ILogger<OutboxNotices> logger)
{
    /// <summary>Sends the notice unless the outbox row of that draw and recipient was claimed or sent before.</summary>
    public async Task<NoticeOutcome> SendOnceAsync(
        string drawId, string recipientId, Notice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await outbox.AddIfMissingAsync(drawId, recipientId, cancellationToken);
        if (!await outbox.TryClaimAsync(drawId, recipientId, cancellationToken))
        {
            CampaignLog.NoticeAlreadyHandled(logger, drawId, recipientId);
            return NoticeOutcome.AlreadyHandled;
        }

        await ClaimedNoticeSender.SendAsync(outbox, sender, logger, drawId, recipientId, notice, cancellationToken);
        return NoticeOutcome.Sent;
    }
}
