using Azure.Storage.Blobs;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Publication;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Public;

/// <summary>The per-office publication chain on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublicationChainTests(AzuriteFixture azurite)
{
    private const string Office = "440303";

    [Fact]
    public async Task Append_ThreeRecords_LinksEachToThePrevious()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 3);

        var entries = new List<ChainEntry>();
        foreach (var path in paths)
        {
            entries.Add(await chain.AppendAsync(Office, path));
        }

        Assert.Equal([1, 2, 3], entries.Select(e => e.Seq));
        Assert.Equal(ChainPaths.GenesisSha256, entries[0].PreviousEntrySha256);
        var first = await storage.Records.ReadAsync(ChainPaths.Entry(Office, 1));
        Assert.NotNull(first);
        Assert.Equal(ChainPaths.Sha256Hex(first), entries[1].PreviousEntrySha256);
        var record = await storage.Records.ReadAsync(paths[2]);
        Assert.NotNull(record);
        Assert.Equal(ChainPaths.Sha256Hex(record), entries[2].RecordSha256);
    }

    [Fact]
    public async Task Append_SameRecordTwice_KeepsOneEntry()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 2);

        var first = await chain.AppendAsync(Office, paths[0]);
        var again = await chain.AppendAsync(Office, paths[0]);
        var second = await chain.AppendAsync(Office, paths[1]);

        Assert.Equal(first, again);
        Assert.Equal(2, second.Seq);
        Assert.Equal(2, (await storage.Records.ListAsync(ChainPaths.Prefix(Office))).Count);
    }

    [Fact]
    public async Task Append_ConcurrentRecords_FormOneUnbrokenChain()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 6);

        var entries = await Task.WhenAll(paths.Select(path => chain.AppendAsync(Office, path)));

        Assert.Equal([1, 2, 3, 4, 5, 6], entries.Select(e => e.Seq).Order());
        Assert.Equal(paths.Order(StringComparer.Ordinal), entries.Select(e => e.RecordPath).Order(StringComparer.Ordinal));
        var report = await chain.CheckAsync(Office);
        Assert.True(report.Holds, report.FirstBreak?.Reason);
        Assert.Equal(6, report.Verified);
    }

    [Fact]
    public async Task Append_EntryLeftWithoutHead_IsAdoptedThenAppends()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 2);
        var record = await storage.Records.ReadAsync(paths[0]);
        Assert.NotNull(record);

        // An appender that stopped after writing entry 1 but before moving the head.
        var orphan = new ChainEntry(1, paths[0], ChainPaths.Sha256Hex(record), ChainPaths.GenesisSha256);
        await storage.Records.TryWriteOnceAsync(
            ChainPaths.Entry(Office, 1), Shared.Records.RecordJson.Serialize(orphan), "application/json");
        var next = await chain.AppendAsync(Office, paths[1]);
        var retried = await chain.AppendAsync(Office, paths[0]);

        Assert.Equal(2, next.Seq);
        Assert.Equal(1, retried.Seq);
        Assert.True((await chain.CheckAsync(Office)).Holds);
    }

    [Fact]
    public async Task Check_UntouchedChain_Holds()
    {
        var (storage, chain) = Create();
        foreach (var path in await WriteRecordsAsync(storage, 3))
        {
            await chain.AppendAsync(Office, path);
        }

        var report = await chain.CheckAsync(Office);

        Assert.True(report.Holds, report.FirstBreak?.Reason);
        Assert.Equal(3, report.Entries);
        Assert.Equal(3, report.Verified);
    }

    [Fact]
    public async Task Check_EditedRecordBlob_ReportsExactlyThatRecord()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 3);
        foreach (var path in paths)
        {
            await chain.AppendAsync(Office, path);
        }

        await OverwriteAsync(storage, paths[1], """{"selected":["91440303000000000X"]}""");
        var report = await chain.CheckAsync(Office);

        Assert.False(report.Holds);
        Assert.NotNull(report.FirstBreak);
        Assert.Equal(2, report.FirstBreak.Seq);
        Assert.Equal(paths[1], report.FirstBreak.RecordPath);
        Assert.Contains("record SHA-256", report.FirstBreak.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.Verified);
    }

    [Fact]
    public async Task Check_EditedMiddleEntry_BreaksTheNextLink()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 3);
        foreach (var path in paths)
        {
            await chain.AppendAsync(Office, path);
        }

        // The forged entry points at another record with that record's true hash, so only the link shows it.
        var other = await storage.Records.ReadAsync(paths[2]);
        Assert.NotNull(other);
        var first = await storage.Records.ReadAsync(ChainPaths.Entry(Office, 1));
        Assert.NotNull(first);
        var forged = new ChainEntry(2, paths[2], ChainPaths.Sha256Hex(other), ChainPaths.Sha256Hex(first));
        await OverwriteAsync(storage, ChainPaths.Entry(Office, 2), Shared.Records.RecordJson.Serialize(forged).ToString());
        var report = await chain.CheckAsync(Office);

        Assert.NotNull(report.FirstBreak);
        Assert.Equal(3, report.FirstBreak.Seq);
        Assert.Contains("link to entry 2", report.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_EditedLastEntry_ReportsItAgainstTheHead()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 2);
        foreach (var path in paths)
        {
            await chain.AppendAsync(Office, path);
        }

        var record = await storage.Records.ReadAsync(paths[0]);
        Assert.NotNull(record);
        var first = await storage.Records.ReadAsync(ChainPaths.Entry(Office, 1));
        Assert.NotNull(first);
        var forged = new ChainEntry(2, paths[0], ChainPaths.Sha256Hex(record), ChainPaths.Sha256Hex(first));
        await OverwriteAsync(storage, ChainPaths.Entry(Office, 2), Shared.Records.RecordJson.Serialize(forged).ToString());
        var report = await chain.CheckAsync(Office);

        Assert.NotNull(report.FirstBreak);
        Assert.Equal(2, report.FirstBreak.Seq);
        Assert.Contains("the head says", report.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_DeletedEntry_ReportsItMissing()
    {
        var (storage, chain) = Create();
        var paths = await WriteRecordsAsync(storage, 3);
        foreach (var path in paths)
        {
            await chain.AppendAsync(Office, path);
        }

        await storage.RecordsContainer.DeleteBlobAsync(ChainPaths.Entry(Office, 2));
        var report = await chain.CheckAsync(Office);

        Assert.NotNull(report.FirstBreak);
        Assert.Equal(2, report.FirstBreak.Seq);
        Assert.Contains("entry 2 is missing", report.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_MissingRecord_IsRejected()
    {
        var (_, chain) = Create();

        var error = await Assert.ThrowsAsync<ValidationException>(() => chain.AppendAsync(Office, "records/none/440303.json"));

        Assert.Equal("recordPath", error.Field);
        Assert.Equal("records/none/440303.json", error.Value);
    }

    [Fact]
    public async Task Append_InvalidOffice_IsRejected()
    {
        var (_, chain) = Create();

        var error = await Assert.ThrowsAsync<ValidationException>(() => chain.AppendAsync("44/303", "records/a/440303.json"));

        Assert.Equal("officeCode", error.Field);
    }

    private (StorageContext Storage, PublicationChain Chain) Create()
    {
        var prefix = "tchain" + Guid.NewGuid().ToString("N")[..8];
        var storage = new StorageContext(azurite.ConnectionString, new StorageOptions { TablePrefix = prefix });
        return (storage, new PublicationChain(storage));
    }

    private static async Task<List<string>> WriteRecordsAsync(StorageContext storage, int count)
    {
        var paths = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var path = $"records/draw-chain-{i:00}/{Office}.json";
            await storage.Records.TryWriteOnceAsync(
                path, BinaryData.FromString($$"""{"drawId":"draw-chain-{{i:00}}"}"""), "application/json");
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Replaces a published blob directly in storage, as someone with write access to the account could.</summary>
    private static async Task OverwriteAsync(StorageContext storage, string path, string content)
    {
        BlobClient blob = storage.RecordsContainer.GetBlobClient(path);
        await blob.UploadAsync(BinaryData.FromString(content), overwrite: true);
    }
}
