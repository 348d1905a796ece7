using Microsoft.Extensions.Logging;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Sends a notice at most once through the outbox: the row is added, claimed with an ETag check, and marked
/// sent; a send that fails before the server accepts the message releases the claim for a retry.
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

        try
        {
            await sender.SendAsync(notice, cancellationToken);
        }
        catch (Exception)
        {
            await outbox.ReleaseAsync(drawId, recipientId, CancellationToken.None);
            throw;
        }

        await outbox.MarkSentAsync(drawId, recipientId, notice.MessageId, cancellationToken);
        return NoticeOutcome.Sent;
    }
}
