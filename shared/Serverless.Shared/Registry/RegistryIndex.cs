using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Compact view of every stored row of one registry: per row key, its office and a fingerprint of the imported
/// properties. An import compares each file row with it, so unchanged rows are never written.
/// </summary>
/// <remarks>
/// Keys and fingerprints are the first 16 and 8 bytes of SHA-256 hashes, so an entry takes about 50 bytes
/// whatever the row's size. A fingerprint collision, which would make a changed row look unchanged, has a
/// probability of about 2^-64 per row.
/// </remarks>
internal sealed class RegistryIndex
{
    private static readonly string[] KeyProperties = ["PartitionKey", "RowKey"];

    private readonly Dictionary<UInt128, Entry> entries;
    private readonly IReadOnlyList<string> properties;

    private RegistryIndex(Dictionary<UInt128, Entry> entries, IReadOnlyList<string> properties)
    {
        this.entries = entries;
        this.properties = properties;
    }

    public int Count => entries.Count;

    /// <summary>Reads the keys, offices and imported properties of every row of the table, page by page.</summary>
    public static async Task<RegistryIndex> LoadAsync(
        TableClient table, IReadOnlyList<string> properties, int? maxPerPage, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<UInt128, Entry>();
        var offices = new Dictionary<string, string>(StringComparer.Ordinal);
        var select = KeyProperties.Concat(properties).ToList();
        var pages = table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage, select, cancellationToken).AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            foreach (var entity in page.Values)
            {
                // One string per office instead of one per row.
                if (!offices.TryGetValue(entity.PartitionKey, out var office))
                {
                    office = entity.PartitionKey;
                    offices.Add(office, office);
                }

                entries[HashKey(entity.RowKey)] = new Entry(office, Fingerprint(entity, properties));
            }
        }

        return new RegistryIndex(entries, properties);
    }

    /// <summary>Returns the stored row's office and fingerprint, or false when the key is not stored.</summary>
    public bool TryGet(string key, out string officeCode, out ulong fingerprint)
    {
        if (entries.TryGetValue(HashKey(key), out var entry))
        {
            officeCode = entry.OfficeCode;
            fingerprint = entry.Fingerprint;
            return true;
        }

        officeCode = "";
        fingerprint = 0;
        return false;
    }

    /// <summary>Returns the fingerprint of an entity's imported properties and partition.</summary>
    public ulong Fingerprint(TableEntity entity) => Fingerprint(entity, properties);

    /// <summary>Records a row written by the running import, so a later duplicate is compared with it.</summary>
    public void Set(string key, string officeCode, ulong fingerprint) =>
        entries[HashKey(key)] = new Entry(officeCode, fingerprint);

    public static UInt128 HashKey(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static ulong Fingerprint(TableEntity entity, IReadOnlyList<string> properties)
    {
        var text = new StringBuilder(entity.PartitionKey);
        foreach (var name in properties)
        {
            // The unit separator cannot occur in imported text, so different rows cannot give the same text.
            text.Append('\u001F').Append(name).Append('=').Append(EntityDiff.Format(EntityDiff.ValueOf(entity, name)));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private readonly record struct Entry(string OfficeCode, ulong Fingerprint);
}
