using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Publication;

/// <summary>
/// The per-office publication chains. Entries are write-once blobs under <c>chain/{office}/</c>; a table row
/// per office holds the head (last sequence number and entry hash) and moves only with an ETag check, and a
/// marker row per record makes an append of a record already in the chain return its entry.
/// </summary>
public sealed class PublicationChain
{
    /// <summary>Table of chain heads and record markers, partitioned by office code.</summary>
    public const string HeadsTable = "chainheads";

    /// <summary>Appends that lose the race for the head this many times in a row fail.</summary>
    public const int MaxAttempts = 50;

    private const string HeadRowKey = "head";
    private readonly IRecordStore records;
    private readonly TableClient heads;
    private readonly ILogger logger;
    private readonly Lazy<Task> creation;

    /// <summary>Creates the chains on the records container and tables of <paramref name="storage"/>.</summary>
    public PublicationChain(StorageContext storage, ILogger<PublicationChain>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        records = storage.Records;
        heads = storage.GetTableClient(HeadsTable);
        this.logger = logger ?? NullLogger<PublicationChain>.Instance;
        creation = new Lazy<Task>(() => heads.CreateIfNotExistsAsync());
    }

    /// <summary>
    /// Appends the record at <paramref name="recordPath"/> to its office's chain and returns its entry. A record
    /// already in the chain is not appended again; its existing entry is returned.
    /// </summary>
    /// <exception cref="ValidationException">The office code is invalid or the record does not exist.</exception>
    public async Task<ChainEntry> AppendAsync(
        string officeCode, string recordPath, CancellationToken cancellationToken = default)
    {
        RequireOfficeCode(officeCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordPath);
        var record = await records.ReadAsync(recordPath, cancellationToken).ConfigureAwait(false)
            ?? throw new ValidationException(nameof(recordPath), recordPath, "is not a stored record");
        var recordSha256 = ChainPaths.Sha256Hex(record);
        await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var existing = await FindAsync(officeCode, recordPath, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                return existing;
            }

            var head = await GetHeadAsync(officeCode, cancellationToken).ConfigureAwait(false);
            var entry = new ChainEntry(head.Seq + 1, recordPath, recordSha256, head.EntrySha256);
            var path = ChainPaths.Entry(officeCode, entry.Seq);
            var bytes = RecordJson.Serialize(entry);
            if (!await records.TryWriteOnceAsync(path, bytes, "application/json", cancellationToken).ConfigureAwait(false))
            {
                // An appender that stopped between writing its entry and moving the head left this entry behind;
                // moving the head past it completes that append before this one tries again.
                bytes = await records.ReadAsync(path, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Chain entry '{path}' exists but cannot be read.");
                entry = RecordJson.Deserialize<ChainEntry>(bytes);
            }

            if (await TryMoveHeadAsync(officeCode, head, entry, ChainPaths.Sha256Hex(bytes), cancellationToken)
                    .ConfigureAwait(false)
                && entry.RecordPath == recordPath)
            {
                PublicationLog.EntryAppended(logger, officeCode, entry.Seq);
                return entry;
            }

            PublicationLog.HeadConflict(logger, officeCode, attempt);
        }

        throw new InvalidOperationException(
            $"The chain of office {officeCode} moved on during each of {MaxAttempts} attempts to append '{recordPath}'.");
    }

    /// <summary>
    /// Walks an office's chain from its first entry: checks each entry's position, its link to the entry
    /// before it, and the SHA-256 of the record it covers, then the head row. Returns the first break found.
    /// </summary>
    public async Task<ChainReport> CheckAsync(string officeCode, CancellationToken cancellationToken = default)
    {
        RequireOfficeCode(officeCode);
        var paths = await records.ListAsync(ChainPaths.Prefix(officeCode), cancellationToken).ConfigureAwait(false);
        var links = new List<ChainEntry>(paths.Count);
        var entryHashes = new List<string>(paths.Count);
        var previous = ChainPaths.GenesisSha256;
        foreach (var path in paths)
        {
            var seq = links.Count + 1;
            var (entry, entrySha256, problem) = await CheckEntryAsync(officeCode, seq, path, previous, cancellationToken)
                .ConfigureAwait(false);
            if (problem is not null)
            {
                return Broken(officeCode, paths.Count, links, problem);
            }

            links.Add(entry!);
            entryHashes.Add(entrySha256!);
            previous = entrySha256!;
        }

        await creation.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var head = await GetHeadAsync(officeCode, cancellationToken).ConfigureAwait(false);
        if (head.Seq > links.Count)
        {
            var path = ChainPaths.Entry(officeCode, head.Seq);
            return Broken(officeCode, paths.Count, links, new ChainBreak(
                head.Seq, path, null, $"the head names entry {head.Seq}, but the chain has {links.Count} entries"));
        }

        if (head.Seq > 0 && entryHashes[head.Seq - 1] != head.EntrySha256)
        {
            var entry = links[head.Seq - 1];
            return Broken(officeCode, paths.Count, links.Take(head.Seq - 1).ToList(), new ChainBreak(
                entry.Seq,
                ChainPaths.Entry(officeCode, entry.Seq),
                entry.RecordPath,
                $"entry SHA-256 is {entryHashes[head.Seq - 1]}, the head says {head.EntrySha256}: the entry was changed"));
        }

        return new ChainReport(officeCode, paths.Count, links.Count, null, links);
    }

    private async Task<(ChainEntry? Entry, string? Sha256, ChainBreak? Problem)> CheckEntryAsync(
        string officeCode, int seq, string path, string previous, CancellationToken cancellationToken)
    {
        var expectedPath = ChainPaths.Entry(officeCode, seq);
        if (path != expectedPath)
        {
            return (null, null, new ChainBreak(seq, expectedPath, null, $"entry {seq} is missing; the next blob is '{path}'"));
        }

        var bytes = await records.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        ChainEntry? entry = null;
        try
        {
            entry = bytes is null ? null : RecordJson.Deserialize<ChainEntry>(bytes);
        }
        catch (JsonException)
        {
            entry = null;
        }

        if (bytes is null || entry is null || entry.RecordPath is null)
        {
            return (null, null, new ChainBreak(seq, path, null, "the entry is missing or is not a chain entry"));
        }

        var problem = entry.Seq != seq
            ? $"the entry says it is entry {entry.Seq}"
            : entry.PreviousEntrySha256 != previous
                ? $"the link to entry {seq - 1} is {entry.PreviousEntrySha256}, but that entry's SHA-256 is {previous}"
                : await CheckRecordAsync(entry, cancellationToken).ConfigureAwait(false);
        return problem is null
            ? (entry, ChainPaths.Sha256Hex(bytes), null)
            : (null, null, new ChainBreak(seq, path, entry.RecordPath, problem));
    }

    private async Task<string?> CheckRecordAsync(ChainEntry entry, CancellationToken cancellationToken)
    {
        var record = await records.ReadAsync(entry.RecordPath, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return $"record '{entry.RecordPath}' is missing";
        }

        var actual = ChainPaths.Sha256Hex(record);
        return actual == entry.RecordSha256
            ? null
            : $"record SHA-256 is {actual}, the chain entry says {entry.RecordSha256}: the record was changed after publication";
    }

    private ChainReport Broken(string officeCode, int entries, List<ChainEntry> links, ChainBreak problem)
    {
        PublicationLog.ChainBroken(logger, officeCode, problem.Seq, problem.Reason);
        return new ChainReport(officeCode, entries, links.Count, problem, links);
    }

    private async Task<ChainEntry?> FindAsync(string officeCode, string recordPath, CancellationToken cancellationToken)
    {
        var marker = await heads.GetEntityIfExistsAsync<TableEntity>(
            officeCode, MarkerKey(recordPath), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!marker.HasValue || marker.Value is null)
        {
            return null;
        }

        var seq = marker.Value.GetInt32("Seq") ?? 0;
        var bytes = await records.ReadAsync(ChainPaths.Entry(officeCode, seq), cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : RecordJson.Deserialize<ChainEntry>(bytes);
    }

    private async Task<ChainHead> GetHeadAsync(string officeCode, CancellationToken cancellationToken)
    {
        var row = await heads.GetEntityIfExistsAsync<TableEntity>(officeCode, HeadRowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue && row.Value is { } head
            ? new ChainHead(head.GetInt32("Seq") ?? 0, head.GetString("EntrySha256") ?? ChainPaths.GenesisSha256, head.ETag)
            : new ChainHead(0, ChainPaths.GenesisSha256, null);
    }

    /// <summary>Moves the head to <paramref name="entry"/> and marks its record, in one transaction.</summary>
    private async Task<bool> TryMoveHeadAsync(
        string officeCode, ChainHead head, ChainEntry entry, string entrySha256, CancellationToken cancellationToken)
    {
        var headRow = new TableEntity(officeCode, HeadRowKey)
        {
            ["Seq"] = entry.Seq,
            ["EntrySha256"] = entrySha256,
            ["RecordPath"] = entry.RecordPath,
        };
        var marker = new TableEntity(officeCode, MarkerKey(entry.RecordPath)) { ["Seq"] = entry.Seq };
        TableTransactionAction move = head.ETag is { } etag
            ? new(TableTransactionActionType.UpdateReplace, headRow, etag)
            : new(TableTransactionActionType.Add, headRow);
        try
        {
            await heads.SubmitTransactionAsync(
                [move, new TableTransactionAction(TableTransactionActionType.UpsertReplace, marker)], cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>Row key of a record's marker: table keys forbid '/', so the path is hashed.</summary>
    private static string MarkerKey(string recordPath) => "record-" + ChainPaths.Sha256Hex(recordPath);

    private static void RequireOfficeCode(string officeCode)
    {
        if (officeCode is null || officeCode.Length != 6 || !officeCode.All(char.IsAsciiDigit))
        {
            throw new ValidationException(nameof(officeCode), officeCode, "is not a six-digit GB/T 2260 office code");
        }
    }

    private sealed record ChainHead(int Seq, string EntrySha256, ETag? ETag);
}
