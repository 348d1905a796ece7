using Azure.Data.Tables;
using Serverless.Host.Local;
using Serverless.Shared.Domain;

namespace Serverless.Integration.Tests.Infrastructure;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task StartAsync_InMemory_ServesTables()
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        var table = new TableClient(azurite.ConnectionString, "probe");

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 7 });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal(7, entity.Value.GetInt32("Value"));
    }

    [Fact]
    public async Task StartAsync_SameLocationAfterStop_KeepsData()
    {
        var location = Directory.CreateTempSubdirectory("azurite-test-").FullName;
        try
        {
            var first = await AzuriteProcess.StartAsync(new AzuriteOptions { Location = location },
                CancellationToken.None);
            var options = new AzuriteOptions
            {
                Location = location,
                BlobPort = first.BlobPort,
                QueuePort = first.QueuePort,
                TablePort = first.TablePort,
            };
            await new TableClient(first.ConnectionString, "kept").CreateIfNotExistsAsync();
            await new TableClient(first.ConnectionString, "kept")
                .AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42 });
            await first.StopAsync();
            var firstExited = first.HasExited;
            await first.DisposeAsync();

            await using var second = await AzuriteProcess.StartAsync(options, CancellationToken.None);
            var entity = await new TableClient(second.ConnectionString, "kept").GetEntityAsync<TableEntity>("p", "r");

            Assert.True(firstExited);
            Assert.Equal(first.TablePort, second.TablePort);
            Assert.Equal(42, entity.Value.GetInt32("Value"));
        }
        finally
        {
            Directory.Delete(location, recursive: true);
        }
    }

    [Fact]
    public async Task Kill_RunningProcess_EndsIt()
    {
        await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);

        azurite.Kill();

        Assert.True(azurite.HasExited);
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        await using var running = await AzuriteProcess.StartAsync(new AzuriteOptions(), CancellationToken.None);
        var options = new AzuriteOptions
        {
            BlobPort = running.BlobPort,
            QueuePort = running.QueuePort,
            TablePort = running.TablePort,
        };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteProcess.StartAsync(options, CancellationToken.None));

        Assert.Contains(running.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task StartAsync_PortOutOfRange_ThrowsValidation(int port)
    {
        var error = await Assert.ThrowsAsync<ValidationException>(
            () => AzuriteProcess.StartAsync(new AzuriteOptions { QueuePort = port }, CancellationToken.None));

        Assert.Equal(nameof(AzuriteOptions.QueuePort), error.Field);
    }

    [Fact]
    public async Task StartAsync_SamePortTwice_ThrowsValidation()
    {
        var options = new AzuriteOptions { BlobPort = 40100, QueuePort = 40100, TablePort = 40102 };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => AzuriteProcess.StartAsync(options, CancellationToken.None));

        Assert.Equal("ports", error.Field);
    }

    [Fact]
    public async Task StartAsync_DirectoryWithoutPackageJson_ThrowsValidation()
    {
        var empty = Directory.CreateTempSubdirectory("azurite-empty-").FullName;
        try
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() => AzuriteProcess.StartAsync(
                new AzuriteOptions { PackageDirectory = empty }, CancellationToken.None));

            Assert.Equal(nameof(AzuriteOptions.PackageDirectory), error.Field);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
