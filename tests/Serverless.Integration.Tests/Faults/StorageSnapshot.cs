using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Faults;

/// <summary>
/// Every table row and blob under one storage prefix, each with its ETag, so a test can show that a request
/// wrote nothing. Tables and containers of the durable engine's task hub are left out: the engine renews its
/// leases all the time.
/// </summary>
internal sealed record StorageSnapshot(IReadOnlySet<string> Entries)
{
    public static async Task<StorageSnapshot> TakeAsync(StorageContext storage, string taskHub)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var prefix = storage.Options.TablePrefix;
        var entries = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in storage.TableService.QueryAsync(t => true))
        {
            if (!IsProductName(table.Name, prefix, taskHub))
            {
                continue;
            }

            var client = storage.TableService.GetTableClient(table.Name);
            await foreach (var entity in client.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                entries.Add($"table {table.Name}/{entity.PartitionKey}/{entity.RowKey} {entity.ETag}");
            }
        }

        await foreach (var container in storage.BlobService.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant()))
        {
            if (!IsProductName(container.Name, prefix, taskHub))
            {
                continue;
            }

            var client = storage.BlobService.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                entries.Add($"blob {container.Name}/{blob.Name} {blob.Properties.ETag}");
            }
        }

        return new StorageSnapshot(entries);
    }

    /// <summary>Entries added, changed or removed since <paramref name="before"/>, one line each.</summary>
    public IReadOnlyList<string> ChangesSince(StorageSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Entries.Except(before.Entries).Select(e => "+ " + e)
            .Concat(before.Entries.Except(Entries).Select(e => "- " + e))
            .ToList();
    }

    /// <summary>
    /// Table row and blob keys without the ETag and with <paramref name="prefix"/> cut from table and container
    /// names, sorted, so runs under different prefixes can be compared key by key.
    /// </summary>
    public IReadOnlyList<string> KeysWithout(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Entries
            .Select(entry => entry[..entry.LastIndexOf(' ')])
            .Select(key => key.Replace(" " + prefix, " ", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsProductName(string name, string prefix, string taskHub) =>
        name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && !name.StartsWith(taskHub, StringComparison.OrdinalIgnoreCase);
}
