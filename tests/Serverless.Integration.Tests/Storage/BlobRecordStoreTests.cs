using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class BlobRecordStoreTests(AzuriteFixture azurite)
{
    private const string Prefix = "records";
    private const string RecordPath = "draws/440304-2026-06-01/440304/record.json";

    private readonly StorageContext context = CreateContext(azurite, Prefix);

    [Fact]
    public async Task TryWriteOnce_New_WritesContent()
    {
        var content = BinaryData.FromString("{\"office\":\"南山区" + ExtensionB + "\"}");

        var written = await context.Records.TryWriteOnceAsync(RecordPath, content, "application/json");
        var stored = await context.Records.ReadAsync(RecordPath);

        Assert.True(written);
        Assert.Equal(content.ToArray(), stored!.ToArray());
    }

    [Fact]
    public async Task TryWriteOnce_Second_KeepsFirstContent()
    {
        var first = BinaryData.FromString("first");
        await context.Records.TryWriteOnceAsync(RecordPath, first, "text/plain");

        var second = BinaryData.FromString("second");
        var written = await context.Records.TryWriteOnceAsync(RecordPath, second, "text/plain");
        var stored = await context.Records.ReadAsync(RecordPath);

        Assert.False(written);
        Assert.Equal("first", stored!.ToString());
    }

    [Fact]
    public async Task TryWriteOnce_ContentType_IsStored()
    {
        await context.Records.TryWriteOnceAsync(RecordPath, BinaryData.FromString("{}"), "application/json");

        var properties = await context.RecordsContainer.GetBlobClient(RecordPath).GetPropertiesAsync();

        Assert.Equal("application/json", properties.Value.ContentType);
    }

    [Fact]
    public async Task TryWriteOnce_EmptyContent_RoundTrips()
    {
        await context.Records.TryWriteOnceAsync(RecordPath, BinaryData.Empty, "text/plain");

        Assert.Empty((await context.Records.ReadAsync(RecordPath))!.ToArray());
    }

    [Fact]
    public async Task Read_Missing_ReturnsNull()
    {
        Assert.Null(await context.Records.ReadAsync("draws/none/record.json"));
    }

    [Fact]
    public async Task List_Prefix_ReturnsOrdinalOrder()
    {
        foreach (var path in new[] { "draws/b/pool.txt", "draws/a/seed.txt", "draws/a/B.txt", "pools/a.txt" })
        {
            await context.Records.TryWriteOnceAsync(path, BinaryData.FromString(path), "text/plain");
        }

        var paths = await context.Records.ListAsync("draws/");

        Assert.Equal(["draws/a/B.txt", "draws/a/seed.txt", "draws/b/pool.txt"], paths);
    }

    [Fact]
    public async Task List_NoMatch_ReturnsEmpty()
    {
        Assert.Empty(await context.Records.ListAsync("draws/"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("draws//record.json")]
    [InlineData("draws/../record.json")]
    [InlineData("draws\\record.json")]
    [InlineData("draws/\u0001.json")]
    public async Task TryWriteOnce_InvalidPath_Rejects(string path)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Records.TryWriteOnceAsync(path, BinaryData.FromString("x"), "text/plain"));

        Assert.Equal("path", error.Field);
    }
}
