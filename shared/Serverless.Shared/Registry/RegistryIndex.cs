using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Win32.SafeHandles;

namespace Serverless.Shared.Registry;

/// <summary>
/// Compact view of every stored row of one registry and of the keys an import has read so far: per row key, its
/// office, a fingerprint of the imported properties and the file row that first carried the key. An import
/// compares each file row with it, so unchanged rows are never written and a key repeated in the file is found.
/// </summary>
/// <remarks>
/// The entries live in an open-addressing hash table in a temporary file that is deleted on dispose, so process
/// memory stays the same whatever the size of the registry or of the file; the file takes 32 bytes per slot and
/// is kept at most half full. Keys and fingerprints are the first 16 and 8 bytes of SHA-256 hashes. A
/// fingerprint collision, which would make a changed row look unchanged, has a probability of about 2^-64 per
/// row; a key hash collision, which would report a row as a repeat of another key, about 2^-128.
/// </remarks>
internal sealed class RegistryIndex : IDisposable
{
    private const int SlotSize = 32;
    private const int SlotsPerRead = 8;
    private const long InitialSlots = 1 << 15;

    private static readonly string[] KeyProperties = ["PartitionKey", "RowKey"];

    private readonly IReadOnlyList<string> properties;
    private readonly List<string> offices = [];
    private readonly Dictionary<string, uint> officeNumbers = new(StringComparer.Ordinal);
    private readonly byte[] probe = new byte[SlotSize * SlotsPerRead];
    private SafeFileHandle file;
    private long capacity;

    /// <summary>Creates an empty index whose fingerprints cover <paramref name="properties"/>.</summary>
    public RegistryIndex(IReadOnlyList<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        this.properties = properties;
        capacity = InitialSlots;
        (file, FilePath) = CreateFile(capacity);
    }

    /// <summary>Path of the temporary file that contains the entries.</summary>
    public string FilePath { get; private set; }

    /// <summary>Number of distinct keys: stored rows plus new keys read from the file.</summary>
    public long Count { get; private set; }

    /// <summary>Reads the keys, offices and imported properties of every row of the table, page by page.</summary>
    public static async Task<RegistryIndex> LoadAsync(
        TableClient table, IReadOnlyList<string> properties, int? maxPerPage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var index = new RegistryIndex(properties);
        try
        {
            var select = KeyProperties.Concat(properties).ToList();
            var pages = table.QueryAsync<TableEntity>(filter: (string?)null, maxPerPage, select, cancellationToken)
                .AsPages();
            await foreach (var page in pages.ConfigureAwait(false))
            {
                foreach (var entity in page.Values)
                {
                    index.AddStored(entity.RowKey, entity.PartitionKey, index.Fingerprint(entity));
                }
            }

            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }

    /// <summary>Records a stored row; a key recorded before takes the new office and fingerprint.</summary>
    public void AddStored(string key, string officeCode, ulong fingerprint)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(officeCode);
        var hash = HashKey(key);
        var (slot, found, entry) = Find(hash);
        if (!found)
        {
            slot = Reserve(hash);
        }

        WriteSlot(slot, new Entry(hash, fingerprint, NumberOf(officeCode), found ? entry.FirstRow : 0));
    }

    /// <summary>
    /// Records that file row <paramref name="row"/> carries <paramref name="key"/>, and returns the stored row's
    /// office and fingerprint (null office when the key is not stored) and the earlier file row that carried
    /// the key (0 when this is its first row). A repeated key keeps its first row.
    /// </summary>
    public KeyVisit Visit(string key, long row)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(row, uint.MaxValue);
        var hash = HashKey(key);
        var (slot, found, entry) = Find(hash);
        if (found && entry.FirstRow != 0)
        {
            return new KeyVisit(OfficeOf(entry), entry.Fingerprint, entry.FirstRow);
        }

        if (!found)
        {
            slot = Reserve(hash);
            entry = new Entry(hash, 0, 0, 0);
        }

        WriteSlot(slot, entry with { FirstRow = (uint)row });
        return new KeyVisit(OfficeOf(entry), entry.Fingerprint, 0);
    }

    /// <summary>Returns the stored row's office and fingerprint, or false when the key is not stored.</summary>
    public bool TryGet(string key, out string officeCode, out ulong fingerprint)
    {
        ArgumentNullException.ThrowIfNull(key);
        var (_, found, entry) = Find(HashKey(key));
        if (found && entry.Office != 0)
        {
            officeCode = offices[(int)entry.Office - 1];
            fingerprint = entry.Fingerprint;
            return true;
        }

        officeCode = "";
        fingerprint = 0;
        return false;
    }

    /// <summary>Returns the fingerprint of an entity's imported properties and partition.</summary>
    public ulong Fingerprint(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
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

    /// <inheritdoc/>
    public void Dispose() => file.Dispose();

    private static UInt128 HashKey(string key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var value = BinaryPrimitives.ReadUInt128LittleEndian(hash);

        // Zero marks an empty slot.
        return value == UInt128.Zero ? UInt128.One : value;
    }

    private static (SafeFileHandle Handle, string Path) CreateFile(long slots)
    {
        var path = Path.Combine(Path.GetTempPath(), $"registry-index-{Guid.NewGuid():N}.bin");
        var handle = File.OpenHandle(
            path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        try
        {
            // The extended file reads as zeros, which are empty slots.
            RandomAccess.SetLength(handle, slots * SlotSize);
            return (handle, path);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private string? OfficeOf(Entry entry) => entry.Office == 0 ? null : offices[(int)entry.Office - 1];

    private uint NumberOf(string officeCode)
    {
        if (!officeNumbers.TryGetValue(officeCode, out var number))
        {
            offices.Add(officeCode);
            number = (uint)offices.Count;
            officeNumbers.Add(officeCode, number);
        }

        return number;
    }

    /// <summary>
    /// Finds the slot of <paramref name="hash"/>, or the empty slot where it would go, by linear probing that reads
    /// several slots at a time.
    /// </summary>
    private (long Slot, bool Found, Entry Entry) Find(UInt128 hash)
    {
        var mask = capacity - 1;
        var slot = (long)(ulong)(hash & (UInt128)(ulong)mask);
        while (true)
        {
            var count = (int)Math.Min(SlotsPerRead, capacity - slot);
            var read = probe.AsSpan(0, count * SlotSize);
            RandomAccess.Read(file, read, slot * SlotSize);
            for (var i = 0; i < count; i++)
            {
                var entry = Entry.Read(read.Slice(i * SlotSize, SlotSize));
                if (entry.Hash == UInt128.Zero || entry.Hash == hash)
                {
                    return (slot + i, entry.Hash == hash, entry);
                }
            }

            // The table is at most half full, so an empty slot is always reached.
            slot = (slot + count) & mask;
        }
    }

    /// <summary>Makes room for one more key and returns the empty slot for <paramref name="hash"/>.</summary>
    private long Reserve(UInt128 hash)
    {
        Count++;
        if (Count * 2 > capacity)
        {
            Grow();
        }

        return Find(hash).Slot;
    }

    /// <summary>Moves every entry to a new file with twice the slots, reading the old file in sequence.</summary>
    private void Grow()
    {
        var old = file;
        var oldCapacity = capacity;
        capacity *= 2;
        (file, FilePath) = CreateFile(capacity);
        using (old)
        {
            var chunk = new byte[SlotSize * 2048];
            for (long start = 0; start < oldCapacity; start += 2048)
            {
                var count = (int)Math.Min(2048, oldCapacity - start);
                var read = chunk.AsSpan(0, count * SlotSize);
                RandomAccess.Read(old, read, start * SlotSize);
                for (var i = 0; i < count; i++)
                {
                    var entry = Entry.Read(read.Slice(i * SlotSize, SlotSize));
                    if (entry.Hash != UInt128.Zero)
                    {
                        WriteSlot(Find(entry.Hash).Slot, entry);
                    }
                }
            }
        }
    }

    private void WriteSlot(long slot, Entry entry)
    {
        Span<byte> bytes = stackalloc byte[SlotSize];
        entry.Write(bytes);
        RandomAccess.Write(file, bytes, slot * SlotSize);
    }

    /// <summary>
    /// One slot: key hash, fingerprint, office number (0 when the key is not stored) and first file row (0 when
    /// no file row carried the key yet).
    /// </summary>
    private readonly record struct Entry(UInt128 Hash, ulong Fingerprint, uint Office, uint FirstRow)
    {
        public static Entry Read(ReadOnlySpan<byte> bytes) => new(
            BinaryPrimitives.ReadUInt128LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[28..]));

        public void Write(Span<byte> bytes)
        {
            BinaryPrimitives.WriteUInt128LittleEndian(bytes, Hash);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[16..], Fingerprint);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[24..], Office);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes[28..], FirstRow);
        }
    }
}
