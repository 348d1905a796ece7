using MimeKit.Utils;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;

namespace Serverless.Integration.Tests.Notifications;

public sealed class NoticeMessageIdTests
{
    [Fact]
    public void Create_PlainIds_KeepsThem()
    {
        Assert.Equal("D-1.O_2@notices.inspection.example", NoticeMessageId.Create("D-1", "O_2"));
    }

    [Theory]
    [InlineData("draw 1", "o", "draw%201.o@notices.inspection.example")]
    [InlineData("a.b", "c", "a%2Eb.c@notices.inspection.example")]
    [InlineData("50%", "c", "50%25.c@notices.inspection.example")]
    [InlineData("福田", "<x>", "%E7%A6%8F%E7%94%B0.%3Cx%3E@notices.inspection.example")]
    public void Create_UnsafeCharacters_PercentEncoded(string drawId, string officerId, string expected)
    {
        Assert.Equal(expected, NoticeMessageId.Create(drawId, officerId));
    }

    [Theory]
    [InlineData("a.b", "c")]
    [InlineData("a", "b.c")]
    public void Create_DotsInIds_NoCollision(string drawId, string officerId)
    {
        Assert.NotEqual("a.b.c@notices.inspection.example", NoticeMessageId.Create(drawId, officerId));
    }

    [Theory]
    [InlineData("draw 1", "o")]
    [InlineData("..", "@@")]
    [InlineData("广东-2026", "官员 01")]
    public void Create_AnyIds_ValidMessageId(string drawId, string officerId)
    {
        var messageId = NoticeMessageId.Create(drawId, officerId);

        Assert.True(NoticeMessageBuilder.IsMessageId(messageId));
        Assert.Equal(messageId, MimeUtils.ParseMessageId($"<{messageId}>"));
    }

    [Fact]
    public void Create_EmptyDrawId_ThrowsValidation()
    {
        var exception = Assert.Throws<ValidationException>(() => NoticeMessageId.Create(string.Empty, "o"));

        Assert.Equal("drawId", exception.Field);
    }
}
