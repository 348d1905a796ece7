using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableCommitmentStoreTests(AzuriteFixture azurite)
{
    private const string Prefix = "commitments";
    private const string PlanId = "SZ-2026-Q2";

    private static readonly DateTimeOffset Slot = new(2026, 6, 1, 1, 30, 0, TimeSpan.Zero);

    private readonly StorageContext context = CreateContext(azurite, Prefix);

    [Fact]
    public async Task AddIfMissing_New_ReturnsAndStoresIt()
    {
        var commitment = Commitment(Slot, 'a');

        var returned = await context.Commitments.AddIfMissingAsync(commitment);
        var stored = await context.Commitments.GetAsync(PlanId, Slot);

        Assert.Same(commitment, returned);
        AssertCommitment(commitment, stored!);
    }

    [Fact]
    public async Task AddIfMissing_Existing_ReturnsStoredOne()
    {
        var first = Commitment(Slot, 'a');
        await context.Commitments.AddIfMissingAsync(first);

        var returned = await context.Commitments.AddIfMissingAsync(Commitment(Slot, 'b'));

        AssertCommitment(first, returned);
        Assert.Equal(first.SeedSha256, (await context.Commitments.GetAsync(PlanId, Slot))!.SeedSha256);
    }

    [Fact]
    public async Task Get_SlotInChinaTime_FindsUtcRow()
    {
        await context.Commitments.AddIfMissingAsync(Commitment(Slot, 'a'));

        var stored = await context.Commitments.GetAsync(PlanId, Slot.ToOffset(TimeSpan.FromHours(8)));

        Assert.Equal(Slot, stored!.Slot);
    }

    [Fact]
    public async Task Get_Missing_ReturnsNull()
    {
        Assert.Null(await context.Commitments.GetAsync(PlanId, Slot));
    }

    [Fact]
    public async Task List_SeveralSlots_ReturnsInSlotOrder()
    {
        await context.Commitments.AddIfMissingAsync(Commitment(Slot.AddMonths(3), 'c'));
        await context.Commitments.AddIfMissingAsync(Commitment(Slot, 'a'));
        await context.Commitments.AddIfMissingAsync(Commitment(Slot.AddMonths(-3), 'b'));

        var stored = await context.Commitments.ListAsync(PlanId);

        Assert.Equal([Slot.AddMonths(-3), Slot, Slot.AddMonths(3)], stored.Select(commitment => commitment.Slot));
    }

    [Fact]
    public async Task AddIfMissing_EmptyPools_RoundTrips()
    {
        var commitment = Commitment(Slot, 'a') with { PoolSha256ByOffice = new Dictionary<string, string>() };

        await context.Commitments.AddIfMissingAsync(commitment);

        Assert.Empty((await context.Commitments.GetAsync(PlanId, Slot))!.PoolSha256ByOffice);
    }

    [Fact]
    public async Task AddIfMissing_SlotWithSeconds_Rejects()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Commitments.AddIfMissingAsync(Commitment(Slot.AddSeconds(5), 'a')));

        Assert.Equal("commitment.slot", error.Field);
    }

    [Fact]
    public async Task AddIfMissing_UppercaseSeedHash_Rejects()
    {
        var commitment = Commitment(Slot, 'a') with { SeedSha256 = new string('A', 64) };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Commitments.AddIfMissingAsync(commitment));

        Assert.Equal("commitment.seedSha256", error.Field);
    }

    [Fact]
    public void FormatSlot_ChinaTime_FormatsUtcMinute()
    {
        var slot = new DateTimeOffset(2026, 6, 1, 9, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal("20260601T0130Z", TableCommitmentStore.FormatSlot(slot));
    }

    private static SeedCommitment Commitment(DateTimeOffset slot, char hashDigit) => new(
        PlanId,
        slot,
        new string(hashDigit, 64),
        new Dictionary<string, string> { [Futian] = new string('1', 64), [Nanshan] = new string('2', 64) },
        new DateTimeOffset(2026, 5, 31, 16, 0, 0, 123, TimeSpan.Zero));

    private static void AssertCommitment(SeedCommitment expected, SeedCommitment actual)
    {
        Assert.Equal(expected.PlanId, actual.PlanId);
        Assert.Equal(expected.Slot, actual.Slot);
        Assert.Equal(expected.SeedSha256, actual.SeedSha256);
        Assert.Equal(
            expected.PoolSha256ByOffice.OrderBy(pair => pair.Key, StringComparer.Ordinal),
            actual.PoolSha256ByOffice.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        Assert.Equal(expected.CommittedAt, actual.CommittedAt);
    }
}
