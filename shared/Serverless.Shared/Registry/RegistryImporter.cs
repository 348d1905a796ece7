using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Imports officers or employers from a CSV or XLSX file. Every row is validated; valid rows that differ from
/// the registry are upserted with a history entry, invalid rows are reported and never written.
/// </summary>
/// <remarks>
/// Rows are streamed and written in transactions of one office and at most 100 rows, so memory contains at most
/// 100 pending rows per office and <see cref="MaxListedErrors"/> errors. The keys of the stored rows and of the
/// rows read so far, which the unchanged-row and duplicate checks need, are kept in a <see cref="RegistryIndex"/>
/// in a temporary file.
/// </remarks>
public sealed class RegistryImporter
{
    /// <summary>Number of transactions written at the same time.</summary>
    public const int MaxParallelWrites = 4;

    /// <summary>Number of errors an <see cref="ImportReport"/> lists; the error CSV receives every error.</summary>
    public const int MaxListedErrors = 1000;

    private const int ProgressInterval = 1000;

    private readonly StorageContext storage;
    private readonly RegistryChangeWriter writer;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Creates an importer on the registry of <paramref name="tables"/>.</summary>
    public RegistryImporter(
        RegistryTables tables, TableHistoryStore history, TimeProvider time, ILogger<RegistryImporter>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        storage = tables.Storage;
        this.logger = logger ?? NullLogger<RegistryImporter>.Instance;
        writer = new RegistryChangeWriter(tables, history, this.logger);
        this.time = time;
    }

    /// <summary>
    /// Imports a file from a seekable stream and returns the counts and the first per-row errors. Every error is
    /// also written to <paramref name="errorCsv"/> as soon as it is found, when given.
    /// </summary>
    /// <exception cref="ValidationException">
    /// The office is unknown or the header does not match; nothing is written then.
    /// </exception>
    public async Task<ImportReport> ImportAsync(
        RegistryKind kind, Stream stream, TabularFormat format, ImportRequest request,
        IProgress<ImportProgress>? progress = null, TextWriter? errorCsv = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(request);
        IRegistryLayout layout = kind switch
        {
            RegistryKind.Employers => EmployerLayout.Instance,
            RegistryKind.Officers => OfficerLayout.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "is not a defined RegistryKind"),
        };

        var scope = await LoadScopeAsync(request.OfficeCode, kind, cancellationToken).ConfigureAwait(false);
        using var reader = TabularReader.Open(stream, format, request.Encoding);
        CheckHeader(layout, reader.Header);

        var table = storage.GetTableClient(layout.TableName);
        using var index = await RegistryIndex
            .LoadAsync(table, layout.ImportedProperties, storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        RegistryLog.ImportStarted(logger, kind, request.OfficeCode, index.Count);

        using var errors = errorCsv is null ? null : new RowErrorCsv(errorCsv);
        var run = new ImportRun(this, layout, request, errors, time.GetUtcNow(), cancellationToken);
        var columns = layout.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        foreach (var row in reader.ReadRows())
        {
            run.Rows++;
            var cells = new CellReader(columns, row, run.AddError);
            var entity = layout.Parse(cells, scope);
            if (entity is not null)
            {
                await QueueAsync(run, index, cells, row, entity).ConfigureAwait(false);
            }

            if (!cells.IsValid)
            {
                run.Rejected++;
            }

            if (run.Rows % ProgressInterval == 0)
            {
                progress?.Report(run.Progress(stream));
            }
        }

        await run.CompleteAsync().ConfigureAwait(false);
        errors?.Flush();
        progress?.Report(run.Progress(stream));
        RegistryLog.ImportCompleted(logger, kind, request.OfficeCode, run.Rows, run.Created, run.Updated, run.Rejected);
        return new ImportReport(
            kind, run.Rows, run.Created, run.Updated, run.Unchanged, run.Rejected, run.ErrorCount, run.Errors);
    }

    private static void CheckHeader(IRegistryLayout layout, IReadOnlyList<string> header)
    {
        var found = header.Select(name => name.Trim()).ToList();
        if (!found.SequenceEqual(layout.Header, StringComparer.Ordinal))
        {
            throw new ValidationException(
                "header", string.Join(',', found), $"does not match the expected '{string.Join(',', layout.Header)}'");
        }
    }

    private static async Task QueueAsync(
        ImportRun run, RegistryIndex index, CellReader cells, TabularRow row, TableEntity entity)
    {
        var layout = run.Layout;
        var visit = index.Visit(entity.RowKey, row.Number);
        if (visit.FirstRow != 0)
        {
            cells.Reject(layout.KeyColumn, entity.RowKey, $"repeats row {visit.FirstRow} of the file");
            return;
        }

        var exists = visit.StoredOffice is not null;
        if (exists && visit.StoredOffice != entity.PartitionKey)
        {
            cells.Reject(
                layout.KeyColumn, entity.RowKey,
                $"is already registered under office {visit.StoredOffice}; that office must deregister or retire it " +
                "first");
            return;
        }

        if (exists && visit.StoredFingerprint == index.Fingerprint(entity))
        {
            run.Unchanged++;
            return;
        }

        if (exists)
        {
            run.Updated++;
        }
        else
        {
            run.Created++;
        }

        await run.AddAsync(entity, exists, row.Number).ConfigureAwait(false);
    }

    private async Task<ImportScope> LoadScopeAsync(string officeCode, RegistryKind kind, CancellationToken cancellationToken)
    {
        var offices = new OfficeTree(await storage.Registry.ListOfficesAsync(cancellationToken).ConfigureAwait(false));
        var office = offices.Get(officeCode, "office");
        var items = kind == RegistryKind.Officers
            ? (await storage.Registry.ListItemsAsync(cancellationToken).ConfigureAwait(false))
                .Select(item => item.Code).ToHashSet(StringComparer.Ordinal)
            : [];
        return new ImportScope(offices, office, items, ChinaTime.DateOf(time.GetUtcNow()));
    }

    /// <summary>State of one running import: counts, errors and the rows waiting to be written.</summary>
    private sealed class ImportRun(
        RegistryImporter importer, IRegistryLayout layout, ImportRequest request, RowErrorCsv? errorCsv,
        DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, List<PendingRow>> pending = new(StringComparer.Ordinal);
        private readonly List<Task<(List<PendingRow> Rows, RegistryWriteResult Result)>> writes = [];

        public IRegistryLayout Layout => layout;

        public List<RowError> Errors { get; } = [];

        public long ErrorCount { get; private set; }

        public long Rows { get; set; }

        public long Created { get; set; }

        public long Updated { get; set; }

        public long Unchanged { get; set; }

        public long Rejected { get; set; }

        public long Written { get; private set; }

        public ImportProgress Progress(Stream stream) => new(
            stream.CanSeek ? stream.Position : 0, stream.CanSeek ? stream.Length : null, Rows, Written, Rejected);

        public void AddError(RowError error)
        {
            ErrorCount++;
            if (Errors.Count < MaxListedErrors)
            {
                Errors.Add(error);
            }

            errorCsv?.Add(error);
        }

        public async Task AddAsync(TableEntity entity, bool exists, long rowNumber)
        {
            if (!pending.TryGetValue(entity.PartitionKey, out var rows))
            {
                rows = new List<PendingRow>(TableLimits.MaxTransactionActions);
                pending.Add(entity.PartitionKey, rows);
            }

            rows.Add(new PendingRow(entity, exists, rowNumber));
            if (rows.Count == TableLimits.MaxTransactionActions)
            {
                pending.Remove(entity.PartitionKey);
                await StartWriteAsync(rows).ConfigureAwait(false);
            }
        }

        public async Task CompleteAsync()
        {
            foreach (var rows in pending.Values)
            {
                await StartWriteAsync(rows).ConfigureAwait(false);
            }

            pending.Clear();
            foreach (var write in writes)
            {
                Complete(await write.ConfigureAwait(false));
            }

            writes.Clear();
        }

        private async Task StartWriteAsync(List<PendingRow> rows)
        {
            writes.Add(WriteAsync(rows));
            if (writes.Count < MaxParallelWrites)
            {
                return;
            }

            var done = await Task.WhenAny(writes).ConfigureAwait(false);
            writes.Remove(done);
            Complete(await done.ConfigureAwait(false));
        }

        /// <summary>
        /// Counts the rows of a finished write. A row that another writer had already changed to its values counts
        /// as unchanged, and a row whose change lost to another writer is reported as rejected with the field.
        /// </summary>
        private void Complete((List<PendingRow> Rows, RegistryWriteResult Result) write)
        {
            Written += write.Result.Written;
            foreach (var key in write.Result.Unchanged)
            {
                var row = write.Rows.First(row => string.Equals(row.Entity.RowKey, key, StringComparison.Ordinal));
                Uncount(row);
                Unchanged++;
            }

            foreach (var conflict in write.Result.Conflicts)
            {
                var row = write.Rows.First(
                    row => string.Equals(row.Entity.RowKey, conflict.Key, StringComparison.Ordinal));
                Uncount(row);
                Rejected++;
                AddError(new RowError(
                    row.Number, layout.KeyColumn, conflict.Key,
                    $"was not written because {conflict.Reason}; import the file again to apply the row"));
            }
        }

        /// <summary>Takes back the count of a row as created or updated, which was made when it was queued.</summary>
        private void Uncount(PendingRow row)
        {
            if (row.Exists)
            {
                Updated--;
            }
            else
            {
                Created--;
            }
        }

        private async Task<(List<PendingRow> Rows, RegistryWriteResult Result)> WriteAsync(List<PendingRow> rows)
        {
            var changes = await Task.WhenAll(rows.Select(async row =>
            {
                var stored = row.Exists
                    ? await importer.writer.ReadAsync(
                        layout.TableName, row.Entity.PartitionKey, row.Entity.RowKey, cancellationToken)
                        .ConfigureAwait(false)
                    : null;
                return new RegistryChange(
                    RegistryChangeWriter.KeepOthers(row.Entity, stored, layout.ImportedProperties), stored);
            })).ConfigureAwait(false);

            var result = await importer.writer.WriteAsync(
                layout.Kind, layout.TableName, changes, request.Actor, request.Reason, startedAt, cancellationToken)
                .ConfigureAwait(false);
            return (rows, result);
        }
    }

    /// <summary>A valid row waiting to be written, with its row number in the file.</summary>
    private sealed record PendingRow(TableEntity Entity, bool Exists, long Number);
}
