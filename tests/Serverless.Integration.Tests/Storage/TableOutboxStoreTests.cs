using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableOutboxStoreTests(AzuriteFixture azurite)
{
    private const string Prefix = "outbox";
    private const string DrawId = "440304-2026-06-01";

    private readonly StorageContext context = CreateContext(azurite, Prefix);

    [Fact]
    public async Task AddIfMissing_New_IsPending()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");

        Assert.Equal(NoticeState.Pending, await context.Outbox.GetStateAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task AddIfMissing_AfterSent_KeepsSent()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0101");
        await context.Outbox.MarkSentAsync(DrawId, "GD-0101", "draw-440304@hrss.gd.example");

        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");

        Assert.Equal(NoticeState.Sent, await context.Outbox.GetStateAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task GetState_Missing_ReturnsNull()
    {
        Assert.Null(await context.Outbox.GetStateAsync(DrawId, "GD-0199"));
    }

    [Fact]
    public async Task TryClaim_Twice_SecondReturnsFalse()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");

        var first = await context.Outbox.TryClaimAsync(DrawId, "GD-0101");
        var second = await context.Outbox.TryClaimAsync(DrawId, "GD-0101");

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(NoticeState.Sending, await context.Outbox.GetStateAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task TryClaim_TenConcurrent_ExactlyOneWins()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 10).Select(_ => context.Outbox.TryClaimAsync(DrawId, "GD-0101")));

        Assert.Equal(1, claims.Count(claimed => claimed));
    }

    [Fact]
    public async Task TryClaim_Missing_ReturnsFalse()
    {
        Assert.False(await context.Outbox.TryClaimAsync(DrawId, "GD-0199"));
    }

    [Fact]
    public async Task TryClaim_Sent_ReturnsFalse()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0101");
        await context.Outbox.MarkSentAsync(DrawId, "GD-0101", "draw-440304@hrss.gd.example");

        Assert.False(await context.Outbox.TryClaimAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task Release_Claimed_AllowsNewClaim()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0101");

        await context.Outbox.ReleaseAsync(DrawId, "GD-0101");

        Assert.Equal(NoticeState.Pending, await context.Outbox.GetStateAsync(DrawId, "GD-0101"));
        Assert.True(await context.Outbox.TryClaimAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task Release_Sent_KeepsSent()
    {
        await context.Outbox.AddIfMissingAsync(DrawId, "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0101");
        await context.Outbox.MarkSentAsync(DrawId, "GD-0101", "draw-440304@hrss.gd.example");

        await context.Outbox.ReleaseAsync(DrawId, "GD-0101");

        Assert.Equal(NoticeState.Sent, await context.Outbox.GetStateAsync(DrawId, "GD-0101"));
    }

    [Fact]
    public async Task MarkSent_Missing_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => context.Outbox.MarkSentAsync(DrawId, "GD-0199", "draw-440304@hrss.gd.example"));
    }

    [Fact]
    public async Task Count_MixedStates_CountsEachState()
    {
        foreach (var recipient in new[] { "GD-0101", "GD-0102", "GD-0103", "440304" })
        {
            await context.Outbox.AddIfMissingAsync(DrawId, recipient);
        }

        await context.Outbox.AddIfMissingAsync("440304-2026-07-01", "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0101");
        await context.Outbox.TryClaimAsync(DrawId, "GD-0102");
        await context.Outbox.MarkSentAsync(DrawId, "GD-0102", "draw-440304@hrss.gd.example");

        var counts = await context.Outbox.CountAsync(DrawId);

        Assert.Equal(2, counts[NoticeState.Pending]);
        Assert.Equal(1, counts[NoticeState.Sending]);
        Assert.Equal(1, counts[NoticeState.Sent]);
    }

    [Fact]
    public async Task Count_NoNotices_ReturnsZeros()
    {
        var counts = await context.Outbox.CountAsync(DrawId);

        Assert.All(Enum.GetValues<NoticeState>(), state => Assert.Equal(0, counts[state]));
    }

    [Theory]
    [InlineData("GD#0101")]
    [InlineData("GD\n0101")]
    public async Task AddIfMissing_ForbiddenRecipient_Rejects(string recipientId)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Outbox.AddIfMissingAsync(DrawId, recipientId));

        Assert.Equal("recipientId", error.Field);
    }
}
