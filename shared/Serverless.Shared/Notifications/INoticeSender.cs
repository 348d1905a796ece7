namespace Serverless.Shared.Notifications;

/// <summary>Delivers notices: over SMTP, or as .eml files in a folder when no SMTP server is set.</summary>
public interface INoticeSender
{
    Task SendAsync(Notice notice, CancellationToken cancellationToken = default);
}
