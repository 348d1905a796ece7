using Serverless.Host.Hosting;
using Serverless.Host.Local;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Host.Commands;

/// <summary>
/// Storage for the import and export commands without the durable engine, whose background traffic would slow
/// a large import. Starts the local Azurite under the data folder when no storage account is configured.
/// </summary>
internal sealed class ImportStorage : IAsyncDisposable
{
    private readonly AzuriteProcess? azurite;

    private ImportStorage(AzuriteProcess? azurite, RegistryTables tables)
    {
        this.azurite = azurite;
        Tables = tables;
    }

    /// <summary>Registry tables on the configured storage.</summary>
    public RegistryTables Tables { get; }

    public static async Task<ImportStorage> OpenAsync(HostSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        AzuriteProcess? azurite = null;
        var connection = settings.StorageConnectionString;
        if (connection is null)
        {
            azurite = await AzuriteProcess.StartAsync(
                new AzuriteOptions { Location = Path.Combine(settings.DataDirectory, "azurite") }, cancellationToken);
            connection = azurite.ConnectionString;
        }

        try
        {
            var storage = new StorageContext(connection, new StorageOptions { TablePrefix = settings.StoragePrefix });
            await storage.EnsureCreatedAsync(cancellationToken);
            return new ImportStorage(azurite, new RegistryTables(storage));
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
