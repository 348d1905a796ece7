using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Writes each notice as <c>{folder}/{Message-ID as file name}.eml</c>, for a self-host without an SMTP
/// server. The file is replaced atomically, so writing the same notice again leaves one file.
/// </summary>
public sealed class EmlFolderNoticeSender : INoticeSender
{
    // Common file systems allow 255 bytes per name, and the temporary name adds 38 characters to this one.
    private const int MaxFileNameLength = 200;

    private const string FileNameSymbols = ".@-_+=";

    private static readonly FormatOptions EmlFormat = CreateEmlFormat();

    private readonly string folder;
    private readonly NoticeMessageBuilder builder;
    private readonly ILogger<EmlFolderNoticeSender> logger;

    /// <summary>Creates a sender that writes into <paramref name="folder"/>, created on first use.</summary>
    /// <exception cref="ValidationException">The folder path is empty.</exception>
    public EmlFolderNoticeSender(string folder, NoticeMessageBuilder builder, ILogger<EmlFolderNoticeSender> logger)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new ValidationException(nameof(folder), folder, "is empty, so set the path of the .eml folder");
        }

        this.folder = Path.GetFullPath(folder);
        this.builder = builder;
        this.logger = logger;
    }

    /// <summary>Full path of the folder the .eml files are written to.</summary>
    public string Folder => folder;

    /// <summary>Returns the file name of a notice: its Message-ID with unsafe characters as %XX, plus .eml.</summary>
    public static string FileNameOf(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);

        var name = new StringBuilder(messageId.Length + 4);
        foreach (var c in messageId)
        {
            if (char.IsAsciiLetterOrDigit(c) || FileNameSymbols.Contains(c, StringComparison.Ordinal))
            {
                name.Append(c);
            }
            else
            {
                // A valid Message-ID is ASCII, so one %XX per character is enough and keeps names distinct.
                name.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return name.Append(".eml").ToString();
    }

    /// <summary>
    /// Writes the notice to a temporary file in the folder and moves it over <c>{name}.eml</c>. The temporary
    /// file is deleted when writing fails or is cancelled.
    /// </summary>
    /// <exception cref="ValidationException">The notice is invalid, so nothing was written.</exception>
    public async Task SendAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var message = builder.Build(notice);
        var fileName = FileNameOf(notice.MessageId);
        if (fileName.Length > MaxFileNameLength)
        {
            throw new ValidationException(
                "messageId", notice.MessageId, $"gives a file name longer than {MaxFileNameLength} characters");
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temporaryPath = Path.Combine(folder, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(
                temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await message.WriteToAsync(EmlFormat, stream, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);

                // Flush to disk before the move, so a crash never leaves a renamed but empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporaryPath, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporaryPath))
            {
                File.Delete(temporaryPath);
            }
        }

        NoticeLog.Written(logger, notice.MessageId);
    }

    // RFC 5322 lines end in CRLF, which mail clients expect in .eml files on every platform.
    private static FormatOptions CreateEmlFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
