using Azure.Storage.Blobs;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageContextTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EnsureCreated_Prefix_CreatesEveryTableAndContainer()
    {
        var context = StorageSamples.CreateContext(azurite, "context");

        await context.EnsureCreatedAsync();
        await context.EnsureCreatedAsync();
        var tables = new List<string>();
        await foreach (var table in context.TableService.QueryAsync())
        {
            tables.Add(table.Name);
        }

        var expected = StorageNames.Tables.Select(context.GetTableName).Order(StringComparer.Ordinal);
        var created = tables
            .Where(name => name.StartsWith(context.Options.TablePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, created);
        Assert.True((await context.RecordsContainer.ExistsAsync()).Value);
        Assert.Equal(context.Options.TablePrefix + "records", context.RecordsContainer.Name);
    }

    [Fact]
    public void BlobServiceVersion_IsOneAzuriteAccepts()
    {
        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, StorageContext.BlobServiceVersion);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("1digitfirst")]
    [InlineData("with-hyphen")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijk")]
    public void Constructor_InvalidPrefix_Throws(string prefix)
    {
        var error = Assert.Throws<ArgumentException>(
            () => new StorageContext(azurite.ConnectionString, new StorageOptions { TablePrefix = prefix }));

        Assert.Contains(prefix, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void Constructor_PageSizeOutOfRange_Throws(int maxPerPage)
    {
        Assert.Throws<ArgumentException>(
            () => new StorageContext(azurite.ConnectionString, new StorageOptions { MaxPerPage = maxPerPage }));
    }
}
