using System.Globalization;
using Serverless.Host.Local;
using Serverless.Shared.Data;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>
/// Starts an Azurite of its own on free loopback ports with in-memory persistence, runs each product step beside
/// its floor in the same run, and prints the figures and ratios as Markdown.
/// </summary>
internal static class WholeSystemRun
{
    private const string ProvinceOffice = "440000";

    public static async Task RunAsync(WholeSystemSizes sizes, TextWriter output, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("whole-system-");
        try
        {
            // In memory, so Azurite's periodic save of its database to disk stays out of the figures.
            await using var azurite = await AzuriteProcess.StartAsync(new AzuriteOptions(), cancellationToken);
            var data = BundledData.Load(BundledData.FindDefaultDirectory());
            var inspecting = data.Offices.Where(o => o.Inspects).Select(o => o.Code).ToList();
            output.WriteLine(Invariant($"Azurite in memory on 127.0.0.1:{azurite.TablePort} (table), files in {work.FullName}"));
            if (!PeakMemory.Reset())
            {
                output.WriteLine("The peak memory cannot be reset here, so each figure is the peak since the start.");
            }

            var smallFile = WriteFile(work.FullName, inspecting, sizes.ImportRows);
            var largeFile = WriteFile(work.FullName, inspecting, sizes.LargeImportRows);

            // Each round imports the file into fresh tables. Azurite slows as its in-memory store grows, so the
            // order alternates, because a fixed order would give that slowdown to one side.
            var floors = new List<ImportFigures>();
            var products = new List<ImportFigures>();
            for (var round = 1; round <= sizes.ImportRounds; round++)
            {
                var floorFirst = round % 2 == 1;
                for (var step = 0; step < 2; step++)
                {
                    if ((step == 0) == floorFirst)
                    {
                        floors.Add(await ImportComparison.RunFloorAsync(
                            await OpenAsync(azurite, Invariant($"floor{round}"), data, cancellationToken), smallFile,
                            RegistryImporter.MaxParallelWrites, cancellationToken));
                    }
                    else
                    {
                        products.Add(await ImportComparison.RunProductAsync(
                            await OpenAsync(azurite, Invariant($"product{round}"), data, cancellationToken), smallFile,
                            ProvinceOffice, cancellationToken));
                    }
                }
            }

            WriteImport(output, floors, products);

            var largeStorage = await OpenAsync(azurite, "large", data, cancellationToken);
            var large = await ImportComparison.RunProductAsync(largeStorage, largeFile, ProvinceOffice, cancellationToken);
            output.WriteLine(ImportRow("Product RegistryImporter, larger file", large));

            var plan = data.Plans.Single(p => p.PlanId == "gd-monthly");
            var drawDate = ChinaTime.DateOf(DateTimeOffset.UtcNow);
            var scan = await PoolLoadComparison.RunRawScanAsync(largeStorage, inspecting, cancellationToken);
            var pools = await PoolLoadComparison.RunProductAsync(
                largeStorage, inspecting, plan, data.Items, drawDate, cancellationToken);
            WritePools(output, scan, pools);

            var draw = await ProvinceDrawComparison.RunAsync(
                azurite.ConnectionString, work.FullName, sizes.DrawEmployers, sizes.DrawOfficers, sizes.DrawCity,
                cancellationToken);
            WriteDraw(output, sizes, draw);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string WriteFile(string directory, IReadOnlyList<string> officeCodes, int rows)
    {
        var path = Path.Combine(directory, Invariant($"employers-{rows}.csv"));
        using var writer = new StreamWriter(path, append: false, TextEncodings.Utf8);
        EmployerFileGenerator.Write(writer, officeCodes, rows);
        return path;
    }

    /// <summary>Opens the storage under its own table prefix and loads the offices the import checks rows against.</summary>
    private static async Task<StorageContext> OpenAsync(
        AzuriteProcess azurite, string prefix, BundledData data, CancellationToken cancellationToken)
    {
        var storage = new StorageContext(azurite.ConnectionString, new StorageOptions { TablePrefix = prefix });
        await storage.EnsureCreatedAsync(cancellationToken);
        await storage.Registry.UpsertOfficesAsync(data.Offices, cancellationToken);
        return storage;
    }

    /// <summary>
    /// Writes each round's figures and their ratio, then the ratio of the medians. One slow phase on a busy machine
    /// moves the medians less than it moves a single round.
    /// </summary>
    private static void WriteImport(TextWriter output, List<ImportFigures> floors, List<ImportFigures> products)
    {
        output.WriteLine();
        output.WriteLine("| Import | Rows | Seconds | Rows/s | Peak memory | Product / floor (rows/s) |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|");
        for (var i = 0; i < floors.Count; i++)
        {
            var ratio = products[i].RowsPerSecond / floors[i].RowsPerSecond;
            output.WriteLine(ImportRow(Invariant($"Round {i + 1}: SDK floor"), floors[i]));
            output.WriteLine(ImportRow(Invariant($"Round {i + 1}: product RegistryImporter"), products[i], ratio));
        }

        var floorMedian = Median(floors.Select(figures => figures.RowsPerSecond));
        var productMedian = Median(products.Select(figures => figures.RowsPerSecond));
        output.WriteLine(Invariant(
            $"| Median of {floors.Count} {(floors.Count == 1 ? "round" : "rounds")}: floor {floorMedian:N0} rows/s, ") +
            Invariant($"product {productMedian:N0} rows/s ") +
            Invariant($"| | | | | {productMedian / floorMedian:P0} |"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string ImportRow(string name, ImportFigures figures, double? ratio = null) => Invariant(
        $"| {name} | {figures.Rows:N0} | {figures.Elapsed.TotalSeconds:F1} | {figures.RowsPerSecond:N0} | ") +
        Invariant($"{figures.PeakBytes / (1024.0 * 1024.0):N0} MiB | {ratio:P0} |");

    private static void WritePools(TextWriter output, PoolLoadFigures scan, PoolLoadFigures pools)
    {
        output.WriteLine();
        output.WriteLine("| Pool loading | Rows read | Pool entries | Seconds | Rows/s | Time / floor |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|");
        output.WriteLine(PoolRow("Raw table scan (floor)", scan, 1));
        output.WriteLine(PoolRow("Product: ListEmployersAsync + PoolBuilder", pools, pools.Elapsed / scan.Elapsed));
    }

    private static string PoolRow(string name, PoolLoadFigures figures, double ratio) => Invariant(
        $"| {name} | {figures.Rows:N0} | {figures.PoolEntries:N0} | {figures.Elapsed.TotalSeconds:F1} | ") +
        Invariant($"{figures.Rows / Math.Max(figures.Elapsed.TotalSeconds, 0.001):N0} | {ratio:F2} |");

    private static void WriteDraw(TextWriter output, WholeSystemSizes sizes, DrawFigures draw)
    {
        var summary = draw.Summary;
        output.WriteLine();
        var scope = sizes.DrawCity ?? "the whole province";
        output.WriteLine(Invariant($"Draw of {scope}: {summary.OfficesDrawn} of {summary.Offices} offices, ") +
            Invariant($"pool {summary.PoolSize:N0}, {summary.Targets:N0} targets, ") +
            Invariant($"{summary.Assignments:N0} assignments, {summary.NoticesSent:N0} notices sent ") +
            Invariant($"({draw.NoticeFiles:N0} .eml files)."));
        output.WriteLine(Invariant(
            $"No-op width: {draw.Width.Offices} office activities, {draw.Width.Chains} chain activities, ") +
            Invariant($"{draw.Width.Notices} notice activities, plus 2."));
        output.WriteLine();
        output.WriteLine("| Orchestration | Seconds | Time / floor |");
        output.WriteLine("|---|--:|--:|");
        output.WriteLine(Invariant($"| No-op fan-out of the same width (floor) | {draw.NoOp.TotalSeconds:F1} | 1.00 |"));
        output.WriteLine(Invariant(
            $"| Scheduled draw | {draw.Draw.TotalSeconds:F1} | {draw.Draw / draw.NoOp:F2} |"));
        output.WriteLine();
        output.WriteLine("Stages of the draw, from the first status poll that saw each, in seconds after scheduling: " +
            string.Join(", ", draw.Stages.Select(stage => Invariant($"{stage.Stage} {stage.At.TotalSeconds:F1}"))) + ".");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
