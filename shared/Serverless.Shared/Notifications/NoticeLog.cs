using Microsoft.Extensions.Logging;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Log events of the notice senders, event ids 4100-4199. They carry the Message-ID and the outcome but never
/// the address, the body or an exception message, because SMTP replies often echo the recipient address.
/// </summary>
internal static partial class NoticeLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information,
        Message = "Notice {MessageId} was accepted by the SMTP server.")]
    public static partial void Sent(ILogger logger, string messageId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Sending notice {MessageId} failed with {ErrorType} (SMTP status {StatusCode}). "
            + "The send may be retried.")]
    public static partial void DeliveryFailed(ILogger logger, string messageId, string errorType, int? statusCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Notice {MessageId} was rejected with {ErrorType} (SMTP status {StatusCode}). "
            + "Check the recipient address and the Smtp settings.")]
    public static partial void Rejected(ILogger logger, string messageId, string errorType, int? statusCode);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Notice {MessageId} was accepted, but closing the SMTP session failed with {ErrorType}.")]
    public static partial void DisconnectFailed(ILogger logger, string messageId, string errorType);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information,
        Message = "Notice {MessageId} was written to the .eml folder.")]
    public static partial void Written(ILogger logger, string messageId);
}
