using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Sends notices over SMTP with MailKit, one connection per notice. Failures raise, so the calling activity's
/// retry policy decides: <see cref="NoticeDeliveryException"/> may pass on retry,
/// <see cref="NoticeRejectedException"/> does not.
/// </summary>
public sealed class SmtpNoticeSender : INoticeSender
{
    private readonly SmtpOptions options;
    private readonly NoticeMessageBuilder builder;
    private readonly ILogger<SmtpNoticeSender> logger;

    /// <summary>Creates a sender for the configured SMTP server.</summary>
    /// <exception cref="ValidationException">The host is missing or the port is out of range.</exception>
    public SmtpNoticeSender(
        IOptions<SmtpOptions> options, NoticeMessageBuilder builder, ILogger<SmtpNoticeSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logger);

        var smtp = options.Value;
        if (!smtp.IsConfigured)
        {
            throw new ValidationException(
                "smtp.host", smtp.Host, "is missing, so set it or write notices to the .eml folder");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            throw new ValidationException(
                "smtp.port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "is not between 1 and 65535");
        }

        if (!Enum.IsDefined(smtp.TlsMode))
        {
            throw new ValidationException(
                "smtp.tlsMode", smtp.TlsMode.ToString(), "is not None, StartTls or SslOnConnect");
        }

        this.options = smtp;
        this.builder = builder;
        this.logger = logger;
    }

    /// <summary>Connects, authenticates when a user name is set, sends the notice and disconnects.</summary>
    /// <exception cref="ValidationException">The notice is invalid, so nothing was sent.</exception>
    /// <exception cref="NoticeDeliveryException">A failure that may pass, so retry later.</exception>
    /// <exception cref="NoticeRejectedException">The server rejected the notice or the SMTP settings.</exception>
    public async Task SendAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var message = builder.Build(notice);
        using var client = new SmtpClient();

        try
        {
            await client.ConnectAsync(options.Host, options.Port, ToSocketOptions(options.TlsMode), cancellationToken)
                .ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken)
                    .ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransient(exception, cancellationToken))
        {
            var statusCode = StatusCodeOf(exception);
            NoticeLog.DeliveryFailed(logger, notice.MessageId, exception.GetType().Name, statusCode);
            throw new NoticeDeliveryException(notice.MessageId, Describe(exception, statusCode), exception);
        }
        catch (Exception exception) when (IsPermanent(exception))
        {
            var statusCode = StatusCodeOf(exception);
            NoticeLog.Rejected(logger, notice.MessageId, exception.GetType().Name, statusCode);
            throw new NoticeRejectedException(notice.MessageId, Describe(exception, statusCode), exception);
        }

        NoticeLog.Sent(logger, notice.MessageId);
        await DisconnectAsync(client, notice.MessageId).ConfigureAwait(false);
    }

    // The server has accepted the notice, so a failed QUIT must not raise and cause a second send on retry.
    // Cancellation is ignored for the same reason. The client's own timeout bounds the wait.
    private async Task DisconnectAsync(SmtpClient client, string messageId)
    {
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (
            exception is IOException or SocketException or TimeoutException or SmtpProtocolException
                or SmtpCommandException)
        {
            NoticeLog.DisconnectFailed(logger, messageId, exception.GetType().Name);
        }
    }

    private static SecureSocketOptions ToSocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SocketException or IOException or TimeoutException => true,
        SmtpProtocolException or ServiceNotConnectedException => true,

        // A cancellation the caller did not request comes from inside the client, such as a timeout.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static bool IsPermanent(Exception exception) => exception is
        SmtpCommandException or AuthenticationException or SaslException or SslHandshakeException
        or ServiceNotAuthenticatedException or NotSupportedException;

    private static int? StatusCodeOf(Exception exception) =>
        exception is SmtpCommandException command ? (int)command.StatusCode : null;

    // Built from the exception type and status code only, because SMTP reply texts may contain the address.
    private static string Describe(Exception exception, int? statusCode) => exception switch
    {
        SocketException socket => $"the SMTP server could not be reached ({socket.SocketErrorCode})",
        TimeoutException or OperationCanceledException => "the SMTP server timed out",
        SmtpCommandException command => $"the SMTP server replied {statusCode} to {Command(command.ErrorCode)}",
        AuthenticationException or SaslException => "SMTP authentication failed",
        SslHandshakeException => "the TLS handshake with the SMTP server failed",
        ServiceNotAuthenticatedException => "the SMTP server requires authentication but no user name is set",
        NotSupportedException => "the SMTP server does not offer the STARTTLS or AUTH extension the settings need",
        _ => $"the SMTP session failed with {exception.GetType().Name}",
    };

    private static string Command(SmtpErrorCode errorCode) => errorCode switch
    {
        SmtpErrorCode.SenderNotAccepted => "MAIL FROM",
        SmtpErrorCode.RecipientNotAccepted => "RCPT TO",
        SmtpErrorCode.MessageNotAccepted => "DATA",
        _ => "a command",
    };
}
