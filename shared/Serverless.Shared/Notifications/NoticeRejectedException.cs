namespace Serverless.Shared.Notifications;

/// <summary>
/// The SMTP server rejected a notice for good: a 5xx status, failed authentication, a failed TLS handshake or
/// a missing STARTTLS or AUTH extension. Retrying does not help until the address or the SMTP settings change.
/// </summary>
public sealed class NoticeRejectedException : Exception
{
    public NoticeRejectedException(string messageId, string reason, Exception innerException)
        : base($"Notice {messageId} was rejected: {reason}. Check the recipient address and the Smtp settings.",
            innerException)
    {
        MessageId = messageId;
    }

    public NoticeRejectedException()
        : base("A notice was rejected.")
    {
    }

    public NoticeRejectedException(string message)
        : base(message)
    {
    }

    public NoticeRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Message-ID of the notice, or null when unknown.</summary>
    public string? MessageId { get; }
}
