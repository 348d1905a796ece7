using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;

namespace Serverless.Integration.Tests.Notifications;

public sealed class SmtpNoticeSenderTests
{
    [Fact]
    public async Task SendAsync_RunningServer_DeliversOneMessage()
    {
        await using var sink = await SmtpSink.StartAsync();

        await CreateSender(NoticeSamples.Options(sink.Port)).SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        Assert.Single(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_RunningServer_KeepsMessageId()
    {
        var received = await SendThroughSinkAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        Assert.Equal("440304-2026-06-01-Q2.GD-0101@notices.inspection.example", received.MessageId);
    }

    [Fact]
    public async Task SendAsync_RunningServer_DecodesChineseText()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        var received = await SendThroughSinkAsync(notice);

        Assert.Equal(notice.Subject, received.Subject);
        Assert.Equal(notice.TextBody, received.TextBody);
    }

    [Fact]
    public async Task SendAsync_RunningServer_BodyIsUtf8Base64()
    {
        var received = await SendThroughSinkAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        var body = Assert.IsType<TextPart>(received.Body);
        Assert.Equal("utf-8", body.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.Base64, body.ContentTransferEncoding);
    }

    [Fact]
    public async Task SendAsync_RunningServer_AddressesRecipientFromSender()
    {
        var received = await SendThroughSinkAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader));

        var to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal("wang.jianguo@hrss.gd.example", to.Address);
        Assert.Equal("王建国", to.Name);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal(NoticeSamples.FromAddress, from.Address);
        Assert.Equal(NoticeSamples.FromName, from.Name);
    }

    [Fact]
    public async Task SendAsync_Sent_LogsIdNotAddress()
    {
        await using var sink = await SmtpSink.StartAsync();
        var logger = new RecordingLogger<SmtpNoticeSender>();
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        await CreateSender(NoticeSamples.Options(sink.Port), logger).SendAsync(notice);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(4101, entry.EventId);
        Assert.Contains(notice.MessageId, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notice.ToAddress, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ServerDown_ThrowsDeliveryException()
    {
        var port = await StoppedServerPortAsync();
        var logger = new RecordingLogger<SmtpNoticeSender>();
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        var exception = await Assert.ThrowsAsync<NoticeDeliveryException>(
            () => CreateSender(NoticeSamples.Options(port), logger).SendAsync(notice));

        Assert.Equal(notice.MessageId, exception.MessageId);
        Assert.IsType<SocketException>(exception.InnerException, exactMatch: false);
        Assert.Equal(4102, Assert.Single(logger.Entries).EventId);
    }

    [Fact]
    public async Task SendAsync_ServerDown_MessageNamesNoAddress()
    {
        var port = await StoppedServerPortAsync();
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        var exception = await Assert.ThrowsAsync<NoticeDeliveryException>(
            () => CreateSender(NoticeSamples.Options(port)).SendAsync(notice));

        Assert.Contains("could not be reached", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(notice.ToAddress, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StartTlsNotOffered_ThrowsRejected()
    {
        await using var sink = await SmtpSink.StartAsync();
        var logger = new RecordingLogger<SmtpNoticeSender>();

        var exception = await Assert.ThrowsAsync<NoticeRejectedException>(
            () => CreateSender(NoticeSamples.Options(sink.Port, SmtpTlsMode.StartTls), logger)
                .SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader)));

        Assert.IsType<NotSupportedException>(exception.InnerException);
        Assert.Equal(4103, Assert.Single(logger.Entries).EventId);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_AuthNotOffered_ThrowsRejected()
    {
        await using var sink = await SmtpSink.StartAsync();

        await Assert.ThrowsAsync<NoticeRejectedException>(
            () => CreateSender(NoticeSamples.Options(sink.Port, user: "notices"))
                .SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader)));

        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_CancelledToken_ThrowsCancellation()
    {
        await using var sink = await SmtpSink.StartAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateSender(NoticeSamples.Options(sink.Port))
                .SendAsync(NoticeSamples.ComposeFor(NoticeSamples.Leader), cancellation.Token));

        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_InvalidRecipient_SendsNothing()
    {
        await using var sink = await SmtpSink.StartAsync();
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader) with { ToAddress = "wang.jianguo" };

        var exception = await Assert.ThrowsAsync<ValidationException>(
            () => CreateSender(NoticeSamples.Options(sink.Port)).SendAsync(notice));

        Assert.Equal("toAddress", exception.Field);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public void Constructor_NoHost_ThrowsValidation()
    {
        var options = Options.Create(new SmtpOptions { FromAddress = NoticeSamples.FromAddress });

        var exception = Assert.Throws<ValidationException>(() => CreateSender(options));

        Assert.Equal("smtp.host", exception.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Constructor_PortOutOfRange_ThrowsValidation(int port)
    {
        var exception = Assert.Throws<ValidationException>(() => CreateSender(NoticeSamples.Options(port)));

        Assert.Equal("smtp.port", exception.Field);
    }

    private static SmtpNoticeSender CreateSender(
        IOptions<SmtpOptions> options, ILogger<SmtpNoticeSender>? logger = null) =>
        new(options, NoticeSamples.Builder(), logger ?? NullLogger<SmtpNoticeSender>.Instance);

    private static async Task<MimeMessage> SendThroughSinkAsync(Notice notice)
    {
        await using var sink = await SmtpSink.StartAsync();
        await CreateSender(NoticeSamples.Options(sink.Port)).SendAsync(notice);
        return Assert.Single(sink.Messages);
    }

    // A port that had a listener a moment ago and has none now, so connecting is refused.
    private static async Task<int> StoppedServerPortAsync()
    {
        var sink = await SmtpSink.StartAsync();
        await sink.DisposeAsync();
        return sink.Port;
    }
}
