using System.Diagnostics;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Storage;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>Rows read and time taken to load every office's employers.</summary>
internal sealed record PoolLoadFigures(long Rows, long PoolEntries, TimeSpan Elapsed);

/// <summary>
/// Loads the pools of a province-wide draw the way each office's draw does (read the office's employers from
/// Table storage, convert them, build the pool), against a raw scan of the same partitions with the storage SDK.
/// Both read <see cref="ParallelOffices"/> offices at a time.
/// </summary>
internal static class PoolLoadComparison
{
    /// <summary>Offices read at the same time, by the product and by the floor.</summary>
    public const int ParallelOffices = 4;

    public static async Task<PoolLoadFigures> RunProductAsync(
        StorageContext storage, IReadOnlyList<string> officeCodes, DrawPlan plan, IReadOnlyList<InspectionItem> items,
        DateOnly drawDate, CancellationToken cancellationToken)
    {
        var planItems = items.Where(item => plan.ItemCodes.Contains(item.Code, StringComparer.Ordinal)).ToList();
        long rows = 0;
        long entries = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            officeCodes, Options(cancellationToken), async (officeCode, token) =>
            {
                var employers = await storage.Registry.ListEmployersAsync(officeCode, token);
                var built = PoolBuilder.Build(employers, planItems, drawDate, plan.ExclusionMonths);
                Interlocked.Add(ref rows, employers.Count);
                Interlocked.Add(ref entries, built.Pool.Count);
            });
        return new PoolLoadFigures(rows, entries, watch.Elapsed);
    }

    public static async Task<PoolLoadFigures> RunRawScanAsync(
        StorageContext storage, IReadOnlyList<string> officeCodes, CancellationToken cancellationToken)
    {
        var table = storage.GetTableClient(StorageNames.Employers);
        long rows = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            officeCodes, Options(cancellationToken), async (officeCode, token) =>
            {
                var count = 0;
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {officeCode}");
                await foreach (var _ in table.QueryAsync<TableEntity>(filter, cancellationToken: token))
                {
                    count++;
                }

                Interlocked.Add(ref rows, count);
            });
        return new PoolLoadFigures(rows, rows, watch.Elapsed);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = ParallelOffices, CancellationToken = cancellationToken };
}
