using System.Globalization;
using Azure.Data.Tables;
using Serverless.Shared.Registry;

namespace Serverless.Shared.Tests.Registry;

public sealed class RegistryIndexTests
{
    private static readonly string[] Properties = ["Name"];

    [Fact]
    public void Visit_NewKey_ReturnsNotStoredFirstRow()
    {
        using var index = new RegistryIndex(Properties);

        var visit = index.Visit("A1", 2);

        Assert.Null(visit.StoredOffice);
        Assert.Equal(0, visit.FirstRow);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Visit_RepeatedKey_ReturnsFirstRow()
    {
        using var index = new RegistryIndex(Properties);
        index.Visit("A1", 2);
        index.Visit("A1", 5);

        var visit = index.Visit("A1", 9);

        Assert.Equal(2, visit.FirstRow);
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Visit_StoredKey_ReturnsOfficeAndFingerprint()
    {
        using var index = new RegistryIndex(Properties);
        index.AddStored("A1", "440304", 42);

        var first = index.Visit("A1", 3);
        var second = index.Visit("A1", 4);

        Assert.Equal(new KeyVisit("440304", 42, 0), first);
        Assert.Equal(new KeyVisit("440304", 42, 3), second);
    }

    [Fact]
    public void TryGet_KeyOnlyInFile_IsNotStored()
    {
        using var index = new RegistryIndex(Properties);
        index.Visit("A1", 2);

        Assert.False(index.TryGet("A1", out _, out _));
    }

    [Fact]
    public void Index_ManyKeys_KeepsEveryEntryAcrossGrowth()
    {
        // 100,000 keys need 262,144 slots, so the table grows three times from its first 32,768.
        const int count = 100_000;
        using var index = new RegistryIndex(Properties);
        for (var i = 0; i < count; i++)
        {
            index.AddStored(Key(i), i % 2 == 0 ? "440304" : "440305", (ulong)i);
        }

        for (var i = 0; i < count; i++)
        {
            index.Visit(Key(i), i + 2);
        }

        var missing = Enumerable.Range(0, count)
            .Where(i => !index.TryGet(Key(i), out var office, out var fingerprint)
                || office != (i % 2 == 0 ? "440304" : "440305") || fingerprint != (ulong)i)
            .ToList();
        Assert.Empty(missing);
        Assert.Equal(count, index.Count);
        Assert.Equal(12_347, index.Visit(Key(12_345), 200_000).FirstRow);
    }

    [Fact]
    public void Fingerprint_ChangedProperty_Differs()
    {
        using var index = new RegistryIndex(Properties);
        var entity = new TableEntity("440304", "A1") { ["Name"] = "甲公司" };
        var renamed = new TableEntity("440304", "A1") { ["Name"] = "乙公司" };

        Assert.NotEqual(index.Fingerprint(entity), index.Fingerprint(renamed));
    }

    [Fact]
    public void Dispose_DeletesTemporaryFile()
    {
        var index = new RegistryIndex(Properties);
        var path = index.FilePath;
        var existed = File.Exists(path);

        index.Dispose();

        Assert.True(existed);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Grow_DeletesSmallerFile()
    {
        using var index = new RegistryIndex(Properties);
        var first = index.FilePath;

        for (var i = 0; i < 20_000; i++)
        {
            index.Visit(Key(i), i + 2);
        }

        Assert.NotEqual(first, index.FilePath);
        Assert.False(File.Exists(first));
    }

    private static string Key(int number) => number.ToString("D18", CultureInfo.InvariantCulture);
}
