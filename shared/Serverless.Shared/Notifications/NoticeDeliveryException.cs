namespace Serverless.Shared.Notifications;

/// <summary>
/// A notice could not be delivered for a reason that may pass: the SMTP server is unreachable, timed out,
/// dropped the connection or replied with a 4xx status. Retrying the send later may succeed.
/// </summary>
public sealed class NoticeDeliveryException : Exception
{
    public NoticeDeliveryException(string messageId, string reason, Exception innerException)
        : base($"Notice {messageId} was not delivered: {reason}. Retry later.", innerException)
    {
        MessageId = messageId;
    }

    public NoticeDeliveryException()
        : base("A notice was not delivered. Retry later.")
    {
    }

    public NoticeDeliveryException(string message)
        : base(message)
    {
    }

    public NoticeDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Message-ID of the notice, or null when unknown.</summary>
    public string? MessageId { get; }
}
