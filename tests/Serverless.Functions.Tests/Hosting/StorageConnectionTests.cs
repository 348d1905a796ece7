using Azure.Core;
using Microsoft.Extensions.Configuration;
using Moq;
using Serverless.Functions.Hosting;
using Serverless.Shared.Domain;

namespace Serverless.Functions.Tests.Hosting;

public sealed class StorageConnectionTests
{
    private const string Development = "UseDevelopmentStorage=true";

    private readonly TokenCredential credential = new Mock<TokenCredential>().Object;

    [Fact]
    public void Create_ConnectionString_UsesIt()
    {
        var storage = StorageConnection.Create(Configuration(new() { ["AzureWebJobsStorage"] = Development }));

        Assert.Equal("devstoreaccount1", storage.TableService.AccountName);
        Assert.Equal("devstoreaccount1", storage.BlobService.AccountName);
    }

    [Fact]
    public void Create_AccountName_UsesIdentityEndpoints()
    {
        var storage = StorageConnection.Create(
            Configuration(new() { ["AzureWebJobsStorage:accountName"] = "stinspection01" }), credential);

        Assert.Equal(new Uri("https://stinspection01.table.core.windows.net/"), storage.TableService.Uri);
        Assert.Equal(new Uri("https://stinspection01.blob.core.windows.net/"), storage.BlobService.Uri);
    }

    [Fact]
    public void Create_ServiceUris_OverrideAccountName()
    {
        var storage = StorageConnection.Create(Configuration(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "https://tables.example.org/",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.org/",
        }), credential);

        Assert.Equal(new Uri("https://tables.example.org/"), storage.TableService.Uri);
        Assert.Equal(new Uri("https://blobs.example.org/"), storage.BlobService.Uri);
    }

    [Fact]
    public void Create_InspectionStorage_TakesPrecedence()
    {
        var storage = StorageConnection.Create(Configuration(new()
        {
            ["AzureWebJobsStorage:accountName"] = "sthost01",
            ["InspectionStorage:accountName"] = "stregistry01",
        }), credential);

        Assert.Equal("stregistry01", storage.TableService.AccountName);
    }

    [Fact]
    public void Create_InvalidAccountName_Throws()
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage:accountName"] = "St_Inspection" });

        var exception = Assert.Throws<ValidationException>(() => StorageConnection.Create(configuration, credential));

        Assert.Equal("AzureWebJobsStorage__accountName", exception.Field);
        Assert.Equal("St_Inspection", exception.Value);
    }

    [Fact]
    public void Create_HttpServiceUri_Throws()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "http://tables.example.org/",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://blobs.example.org/",
        });

        var exception = Assert.Throws<ValidationException>(() => StorageConnection.Create(configuration, credential));

        Assert.Equal("AzureWebJobsStorage__tableServiceUri", exception.Field);
    }

    [Fact]
    public void Create_NothingSet_Throws()
    {
        var exception = Assert.Throws<ValidationException>(() => StorageConnection.Create(Configuration([])));

        Assert.Equal("AzureWebJobsStorage", exception.Field);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
