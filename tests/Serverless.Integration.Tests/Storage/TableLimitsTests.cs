using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Storage;

public sealed class TableLimitsTests
{
    [Fact]
    public void ChunkTransactions_250InOnePartition_SplitsInto100s()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Upsert("p", i));

        var chunks = TableLimits.ChunkTransactions(actions);

        Assert.Equal([100, 100, 50], chunks.Select(chunk => chunk.Count));
    }

    [Fact]
    public void ChunkTransactions_MixedPartitions_OnePartitionEach()
    {
        var actions = Enumerable.Range(0, 30).Select(i => Upsert(i % 3 == 0 ? "a" : "b", i)).ToList();

        var chunks = TableLimits.ChunkTransactions(actions);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, chunk => Assert.Single(chunk.Select(action => action.Entity.PartitionKey).Distinct()));
        Assert.Equal(30, chunks.Sum(chunk => chunk.Count));
    }

    [Fact]
    public void ChunkTransactions_None_ReturnsNoChunks()
    {
        Assert.Empty(TableLimits.ChunkTransactions([]));
    }

    [Fact]
    public void ToStoredDate_Before1601_ThrowsNamingField()
    {
        var error = Assert.Throws<ValidationException>(
            () => TableLimits.ToStoredDate("employers[0].lastInspectedOn", new DateOnly(1600, 12, 31)));

        Assert.Equal("employers[0].lastInspectedOn", error.Field);
    }

    [Fact]
    public void ToStoredDate_1601_ReturnsMidnightUtc()
    {
        var stored = TableLimits.ToStoredDate("date", new DateOnly(1601, 1, 1));

        Assert.Equal(new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero), stored);
    }

    [Fact]
    public void ToStoredDate_Null_ReturnsNull()
    {
        Assert.Null(TableLimits.ToStoredDate("date", null));
    }

    [Fact]
    public void FromStoredDate_MidnightUtc_ReturnsSameDay()
    {
        var stored = TableLimits.ToStoredDate("date", new DateOnly(2026, 6, 1));

        Assert.Equal(new DateOnly(2026, 6, 1), TableLimits.FromStoredDate(stored));
    }

    [Fact]
    public void ThrowIfInvalid_StringAtLimit_Passes()
    {
        var entity = new TableEntity("p", "r") { ["Address"] = new string('x', TableLimits.MaxStringLength) };

        TableLimits.ThrowIfInvalid("employers[0]", entity);

        Assert.Equal(TableLimits.MaxStringLength, entity.GetString("Address")!.Length);
    }

    [Fact]
    public void ThrowIfInvalid_StringOverLimit_NamesProperty()
    {
        var entity = new TableEntity("p", "r") { ["Address"] = new string('x', TableLimits.MaxStringLength + 1) };

        var error = Assert.Throws<ValidationException>(() => TableLimits.ThrowIfInvalid("employers[3]", entity));

        Assert.Equal("employers[3].address", error.Field);
    }

    [Fact]
    public void ThrowIfInvalid_EntityOver1MiB_Rejects()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 20; i++)
        {
            entity[$"Part{i}"] = new string('x', TableLimits.MaxStringLength);
        }

        var error = Assert.Throws<ValidationException>(() => TableLimits.ThrowIfInvalid("record", entity));

        Assert.Equal("record", error.Field);
        Assert.Contains("blob", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_253Properties_Rejects()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var error = Assert.Throws<ValidationException>(() => TableLimits.ThrowIfInvalid("record", entity));

        Assert.Contains("253 properties", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfInvalid_DateBefore1601_NamesProperty()
    {
        var entity = new TableEntity("p", "r")
        {
            ["Deadline"] = new DateTimeOffset(1500, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var error = Assert.Throws<ValidationException>(() => TableLimits.ThrowIfInvalid("assignments[1]", entity));

        Assert.Equal("assignments[1].deadline", error.Field);
    }

    [Fact]
    public void ThrowIfInvalid_ForbiddenRowKey_NamesRowKey()
    {
        var entity = new TableEntity("p", "a#b");

        var error = Assert.Throws<ValidationException>(() => TableLimits.ThrowIfInvalid("record", entity));

        Assert.Equal("record.rowKey", error.Field);
    }

    [Fact]
    public void EstimateSize_KnownEntity_FollowsFormula()
    {
        var entity = new TableEntity("pk", "rk") { ["Name"] = "abc", ["Count"] = 1, ["Flag"] = true };

        // 4 + 2 * 4 key characters, then per property 8 + 2 * name length + the value size.
        var expected = 4 + 8 + (8 + 8 + 10) + (8 + 10 + 4) + (8 + 8 + 1);
        Assert.Equal(expected, TableLimits.EstimateSize(entity));
    }

    private static TableTransactionAction Upsert(string partitionKey, int row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partitionKey, $"r{row:D4}"));
}
