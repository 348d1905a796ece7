using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;

namespace Serverless.Integration.Tests.Notifications;

public sealed class EmlFolderNoticeSenderTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"eml-tests-{Guid.NewGuid():N}");

    private string Folder => Path.Combine(root, "outbox");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_MissingFolder_CreatesFile()
    {
        await CreateSender().SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        var file = Assert.Single(Directory.GetFiles(Folder));
        Assert.Equal("440304-2026-06-01-Q2.GD-0101@notices.inspection.example.eml", Path.GetFileName(file));
    }

    [Fact]
    public async Task SendAsync_WrittenFile_ParsesWithNoticeHeaders()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Member);

        await CreateSender().SendAsync(notice);

        using var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(Folder)));
        Assert.Equal(notice.MessageId, message.MessageId);
        Assert.Equal(notice.Subject, message.Subject);
        Assert.Equal(notice.TextBody, message.TextBody);
        Assert.Equal(notice.ToAddress, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal(NoticeSamples.FromName, Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Name);
        Assert.Equal(NoticeSamples.Now, message.Date);
    }

    [Fact]
    public async Task SendAsync_WrittenFile_UsesCrlfLines()
    {
        await CreateSender().SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Folder)));
        Assert.Contains("\r\nSubject: ", text, StringComparison.Ordinal);
        var withoutCrlf = text.Replace("\r\n", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", withoutCrlf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Twice_LeavesOneSameFile()
    {
        var sender = CreateSender();
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);
        await sender.SendAsync(notice);
        var first = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(Folder)));

        await sender.SendAsync(notice);

        var file = Assert.Single(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories));
        Assert.Equal(first, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task SendAsync_TwoOfficers_TwoFiles()
    {
        var sender = CreateSender();

        await sender.SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));
        await sender.SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Member));

        Assert.Equal(2, Directory.GetFiles(Folder).Length);
    }

    [Fact]
    public async Task SendAsync_InvalidMessageId_WritesNothing()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader) with { MessageId = "no-domain" };

        var exception = await Assert.ThrowsAsync<ValidationException>(() => CreateSender().SendAsync(notice));

        Assert.Equal("messageId", exception.Field);
        Assert.False(Directory.Exists(Folder));
    }

    [Fact]
    public async Task SendAsync_CancelledToken_LeavesNoTemporaryFile()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateSender().SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader), cancellation.Token));

        Assert.Empty(Directory.GetFiles(Folder));
    }

    [Theory]
    [InlineData("a/b@c.d", "a%2Fb@c.d.eml")]
    [InlineData("a|b?@c.d", "a%7Cb%3F@c.d.eml")]
    [InlineData("50%25.x@c.d", "50%2525.x@c.d.eml")]
    public void FileNameOf_UnsafeCharacters_PercentEncoded(string messageId, string expected)
    {
        Assert.Equal(expected, EmlFolderNoticeSender.FileNameOf(messageId));
    }

    private EmlFolderNoticeSender CreateSender() =>
        new(Folder, NoticeSamples.Builder(), NullLogger<EmlFolderNoticeSender>.Instance);
}
