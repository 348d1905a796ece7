using Azure;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Logging;

namespace Serverless.Workflows.Activities;

/// <summary>
/// Sends a notice whose outbox row the caller has claimed, and marks it sent. A send that fails before the server
/// accepts the message releases the claim for a retry. A failure whose outcome is unknown keeps the claim, and a
/// failure to mark a sent notice is retried here, because a retry of the activity would find the claim and could
/// not tell that the notice went out.
/// </summary>
internal static class ClaimedNoticeSender
{
    /// <summary>Number of attempts to mark a sent notice before the activity fails with the notice claimed.</summary>
    public const int MarkAttempts = 10;

    /// <summary>Sends <paramref name="notice"/> for the claimed outbox row of a key and recipient.</summary>
    public static async Task SendAsync(
        IOutboxStore outbox, INoticeSender sender, ILogger logger, string outboxKey, string recipientId, Notice notice,
        CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(notice, cancellationToken);
        }
        catch (Exception exception) when (IsNotAccepted(sender, exception))
        {
            await outbox.ReleaseAsync(outboxKey, recipientId, CancellationToken.None);
            throw;
        }
        catch (Exception exception) when (LogOutcomeUnknown(logger, outboxKey, recipientId, exception))
        {
            // Not reached: the filter logs and returns false, so the exception leaves with the claim kept.
            throw;
        }

        await MarkSentAsync(outbox, logger, outboxKey, recipientId, notice.MessageId);
    }

    /// <summary>
    /// Returns true for the exceptions that <see cref="SmtpNoticeSender"/> raises when the server did not accept
    /// the notice, and for every failure of <see cref="EmlFolderNoticeSender"/>, whose second write replaces the
    /// same file. Sending again then cannot make a second copy.
    /// </summary>
    /// <remarks>
    /// NOTE: a connection lost after the SMTP DATA command but before the server's reply also raises
    /// <see cref="NoticeDeliveryException"/>, although the server may have accepted the message.
    /// </remarks>
    private static bool IsNotAccepted(INoticeSender sender, Exception exception) =>
        sender is EmlFolderNoticeSender
        || exception is NoticeDeliveryException or NoticeRejectedException or ValidationException
            or OperationCanceledException;

    private static bool LogOutcomeUnknown(ILogger logger, string outboxKey, string recipientId, Exception exception)
    {
        WorkflowLog.NoticeOutcomeUnknown(logger, outboxKey, recipientId, exception.GetType().Name);
        return false;
    }

    /// <summary>
    /// Marks a sent notice in the outbox, trying up to <see cref="MarkAttempts"/> times one second apart and
    /// ignoring cancellation, because the notice is out and no later run could tell.
    /// </summary>
    private static async Task MarkSentAsync(
        IOutboxStore outbox, ILogger logger, string outboxKey, string recipientId, string messageId)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await outbox.MarkSentAsync(outboxKey, recipientId, messageId, CancellationToken.None);
                return;
            }
            catch (RequestFailedException failed) when (attempt < MarkAttempts)
            {
                WorkflowLog.NoticeMarkRetried(logger, outboxKey, messageId, attempt, failed.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }
}
