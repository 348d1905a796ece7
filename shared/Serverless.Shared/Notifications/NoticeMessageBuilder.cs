using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Builds the MIME message of a notice, the same for SMTP delivery and for the .eml folder: the notice's
/// Message-ID, a UTF-8 subject (RFC 2047) and a UTF-8 plain-text body in base64, so Chinese text survives
/// any 7-bit relay.
/// </summary>
public sealed class NoticeMessageBuilder
{
    // China Standard Time has had no daylight saving time since 1991, so a fixed offset is exact.
    private static readonly TimeSpan ChinaStandardTimeOffset = TimeSpan.FromHours(8);

    private const string AtomSymbols = "!#$%&'*+-/=?^_`{|}~";

    private readonly string fromAddress;
    private readonly string fromName;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates a builder that sends from the address and name in the SMTP options.</summary>
    /// <exception cref="ValidationException">The from address is missing or not a valid address.</exception>
    public NoticeMessageBuilder(IOptions<SmtpOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        var smtp = options.Value;
        if (!IsMailboxAddress(smtp.FromAddress))
        {
            throw new ValidationException(
                "smtp.fromAddress", smtp.FromAddress, "is not a valid mailbox address such as notices@example.org");
        }

        fromAddress = smtp.FromAddress;
        fromName = smtp.FromName;
        this.timeProvider = timeProvider;
    }

    /// <summary>
    /// Builds the message of a notice, dated now in China Standard Time. The caller disposes it.
    /// </summary>
    /// <exception cref="ValidationException">
    /// The Message-ID is not <c>dot-atom@dot-atom</c>, the recipient address is invalid, or the subject or
    /// body is empty. The message of an invalid recipient address names the Message-ID, not the address.
    /// </exception>
    public MimeMessage Build(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        Validate(notice);

        var body = new TextPart(MimeKit.Text.TextFormat.Plain);
        body.SetText(Encoding.UTF8, notice.TextBody);
        body.ContentTransferEncoding = ContentEncoding.Base64;

        var message = new MimeMessage
        {
            MessageId = notice.MessageId,
            Date = timeProvider.GetUtcNow().ToOffset(ChinaStandardTimeOffset),
            Subject = notice.Subject,
            Body = body,
        };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(notice.ToName, notice.ToAddress));
        return message;
    }

    /// <summary>Returns true for an RFC 5322 Message-ID without angle brackets: dot-atom "@" dot-atom.</summary>
    public static bool IsMessageId(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == value.LastIndexOf('@')
            && IsDotAtom(value.AsSpan(0, at))
            && IsDotAtom(value.AsSpan(at + 1));
    }

    private static void Validate(Notice notice)
    {
        if (!IsMessageId(notice.MessageId))
        {
            throw new ValidationException("messageId", notice.MessageId, "is not an RFC 5322 dot-atom@dot-atom id");
        }

        // The address is personal data, so the exception names the notice instead of echoing it.
        if (!IsMailboxAddress(notice.ToAddress))
        {
            throw new ValidationException(
                "toAddress", null, $"of notice {notice.MessageId} is not a valid mailbox address");
        }

        if (string.IsNullOrWhiteSpace(notice.Subject))
        {
            throw new ValidationException("subject", notice.Subject, $"of notice {notice.MessageId} is empty");
        }

        if (string.IsNullOrWhiteSpace(notice.TextBody))
        {
            throw new ValidationException("textBody", null, $"of notice {notice.MessageId} is empty");
        }
    }

    private static bool IsMailboxAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && MailboxAddress.TryParse(value, out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && mailbox.Route.Count == 0
        && !string.IsNullOrEmpty(mailbox.Domain)
        && string.Equals(mailbox.Address, value, StringComparison.Ordinal);

    private static bool IsDotAtom(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value[0] == '.' || value[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var valid = c == '.'
                ? value[i - 1] != '.'
                : char.IsAsciiLetterOrDigit(c) || AtomSymbols.Contains(c, StringComparison.Ordinal);
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }
}
