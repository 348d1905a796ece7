using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>Rows written, time taken and peak resident memory of one import.</summary>
internal sealed record ImportFigures(long Rows, TimeSpan Elapsed, long PeakBytes)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 0.001);
}

/// <summary>
/// Imports one employer file through the product's <see cref="RegistryImporter"/>, and the same rows through a
/// plain loop of 100-entity transactions on the storage SDK, the floor of Table storage for that work.
/// </summary>
internal static class ImportComparison
{
    private const string Actor = "cli:benchmark";

    /// <summary>Imports <paramref name="path"/> for the province office with the product's importer.</summary>
    public static async Task<ImportFigures> RunProductAsync(
        StorageContext storage, string path, string officeCode, CancellationToken cancellationToken)
    {
        var tables = new RegistryTables(storage);
        var importer = new RegistryImporter(tables, new TableHistoryStore(tables), TimeProvider.System);
        await tables.GetAsync(RegistryTables.History, cancellationToken);

        PeakMemory.Reset();
        var watch = Stopwatch.StartNew();
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var report = await importer.ImportAsync(
            RegistryKind.Employers, stream, TabularFormat.Csv,
            new ImportRequest(officeCode, Actor, Path.GetFileName(path)), cancellationToken: cancellationToken);
        watch.Stop();
        if (report.Rejected > 0 || report.Created != report.Rows)
        {
            throw new InvalidOperationException(
                $"The import of {path} created {report.Created} of {report.Rows} rows and rejected {report.Rejected}.");
        }

        return new ImportFigures(report.Created, watch.Elapsed, PeakMemory.ReadBytes());
    }

    /// <summary>
    /// Reads the file line by line and upserts each office's rows in transactions of 100, with at most
    /// <paramref name="parallelWrites"/> transactions in flight.
    /// </summary>
    public static async Task<ImportFigures> RunFloorAsync(
        StorageContext storage, string path, int parallelWrites, CancellationToken cancellationToken)
    {
        var rows = storage.GetTableClient(StorageNames.Employers);
        await rows.CreateIfNotExistsAsync(cancellationToken);

        PeakMemory.Reset();
        var watch = Stopwatch.StartNew();
        var pending = new Dictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        var writes = new List<Task>();
        long count = 0;
        using (var reader = new StreamReader(path))
        {
            await reader.ReadLineAsync(cancellationToken);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var entity = ToEntity(line);
                count++;
                if (!pending.TryGetValue(entity.PartitionKey, out var batch))
                {
                    batch = new List<TableEntity>(TableLimits.MaxTransactionActions);
                    pending.Add(entity.PartitionKey, batch);
                }

                batch.Add(entity);
                if (batch.Count == TableLimits.MaxTransactionActions)
                {
                    pending.Remove(entity.PartitionKey);
                    await StartAsync(writes, WriteAsync(rows, batch, cancellationToken), parallelWrites);
                }
            }
        }

        foreach (var batch in pending.Values)
        {
            await StartAsync(writes, WriteAsync(rows, batch, cancellationToken), parallelWrites);
        }

        await Task.WhenAll(writes);
        watch.Stop();
        return new ImportFigures(count, watch.Elapsed, PeakMemory.ReadBytes());
    }

    private static async Task StartAsync(List<Task> writes, Task write, int parallelWrites)
    {
        writes.Add(write);
        if (writes.Count < parallelWrites)
        {
            return;
        }

        var done = await Task.WhenAny(writes);
        writes.Remove(done);
        await done;
    }

    private static async Task WriteAsync(
        TableClient rows, List<TableEntity> batch, CancellationToken cancellationToken)
    {
        await rows.SubmitTransactionAsync(
            batch.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity)),
            cancellationToken);
    }

    // Columns of the generated file: creditCode, name, officeCode, address, industry, headcount, targetType,
    // source, status. The generator writes no quoted fields, so a plain split reads them.
    private static TableEntity ToEntity(string line)
    {
        var cells = line.Split(',');
        return new TableEntity(cells[2], cells[0])
        {
            ["Name"] = cells[1],
            ["Address"] = cells[3],
            ["Industry"] = cells[4],
            ["Headcount"] = int.Parse(cells[5], CultureInfo.InvariantCulture),
            ["TargetType"] = cells[6],
            ["Source"] = cells[7],
            ["Status"] = cells[8],
        };
    }
}
