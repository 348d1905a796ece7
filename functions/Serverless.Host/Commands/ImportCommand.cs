using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Serverless.Host.Hosting;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>import employers|officers FILE --office CODE</c>: validates and upserts registry rows from CSV or XLSX,
/// and <c>import generate</c>, which writes a synthetic employer file for load tests.
/// </summary>
internal static class ImportCommand
{
    public static Command Create() => new("import", "Import registry rows from CSV (UTF-8 or GB18030) or XLSX files.")
    {
        CreateRegistryImport(RegistryKind.Employers, "employers", "Import employers into the employer registry."),
        CreateRegistryImport(RegistryKind.Officers, "officers", "Import officers into the officer roster."),
        ImportGenerateCommand.Create(),
        ImportDishonestCommand.Create(),
    };

    private static Command CreateRegistryImport(RegistryKind kind, string name, string description)
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var file = new Argument<FileInfo>("FILE") { Description = "A .csv or .xlsx file whose first row is the header." };
        var office = new Option<string>("--office")
        {
            Description = "Code of the importing office; every row must belong to it or an office below it.",
            Required = true,
        };
        var encoding = new Option<string>("--encoding")
        {
            Description = "Encoding of a CSV file: auto, utf-8 or gb18030.",
            DefaultValueFactory = _ => "auto",
        };
        var errors = new Option<FileInfo?>("--errors")
        {
            Description = "Where to write the CSV report of rejected rows. Default: FILE with .errors.csv appended.",
        };
        var reason = new Option<string?>("--reason")
        {
            Description = "Reason recorded in the history of every changed row. Default: the file name.",
        };
        var command = new Command(name, description) { file, office, encoding, errors, reason, dataDirectory };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var format = TabularReader.FormatOf(path.Name);
            var request = new ImportRequest(
                result.GetValue(office)!,
                "cli:" + Environment.UserName,
                result.GetValue(reason) ?? path.Name,
                TextEncodings.Parse(result.GetValue(encoding)));
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var storage = await ImportStorage.OpenAsync(settings, cancellationToken);
            var tables = storage.Tables;
            var importer = new RegistryImporter(tables, new TableHistoryStore(tables), TimeProvider.System);

            var errorsFile = result.GetValue(errors) ?? new FileInfo(path.FullName + ".errors.csv");
            var watch = Stopwatch.StartNew();
            ImportReport report;
            await using (var errorCsv = new StreamWriter(errorsFile.FullName, append: false, TextEncodings.Utf8))
            {
                report = await RunWithProgressAsync(importer, kind, path, format, request, errorCsv, cancellationToken);
            }

            watch.Stop();
            WriteMeasurements(report, watch.Elapsed);
            return WriteReport(report, errorsFile);
        });
        return command;
    }

    private static async Task<ImportReport> RunWithProgressAsync(
        RegistryImporter importer, RegistryKind kind, FileInfo path, TabularFormat format, ImportRequest request,
        TextWriter errorCsv, CancellationToken cancellationToken)
    {
        ImportReport? report = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape($"Importing {path.Name}"), maxValue: Math.Max(1, path.Length));
                var progress = new InlineProgress<ImportProgress>(p =>
                {
                    task.Value = Math.Min(p.BytesRead, task.MaxValue);
                    task.Description = Markup.Escape($"{path.Name}: {p.Rows:N0} rows, {p.Rejected:N0} rejected");
                });
                await using var stream = new FileStream(
                    path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
                report = await importer.ImportAsync(
                    kind, stream, format, request, progress, errorCsv, cancellationToken);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    private static void WriteMeasurements(ImportReport report, TimeSpan elapsed)
    {
        using var process = Process.GetCurrentProcess();
        var rate = report.Rows / Math.Max(elapsed.TotalSeconds, 0.001);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Imported in {elapsed.TotalSeconds:F1} s ({rate:N0} rows/s); " +
            $"peak working set of this process {process.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MiB")));
    }

    private static int WriteReport(ImportReport report, FileInfo errorsFile)
    {
        var table = new Table().AddColumn("Rows").AddColumn(new TableColumn($"{report.Rows:N0}"));
        table.AddRow("Created", $"{report.Created:N0}");
        table.AddRow("Updated", $"{report.Updated:N0}");
        table.AddRow("Unchanged", $"{report.Unchanged:N0}");
        table.AddRow("Rejected", $"{report.Rejected:N0}");
        AnsiConsole.Write(table);
        if (report.ErrorCount == 0)
        {
            errorsFile.Delete();
            return 0;
        }

        AnsiConsole.MarkupLine(Markup.Escape(
            $"Rejected rows were not written; {report.ErrorCount:N0} errors are listed in {errorsFile.FullName}"));
        return 1;
    }

    /// <summary>Calls the handler on the reporting thread, so the bar shows the latest value at once.</summary>
    private sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
    {
        public void Report(T value) => handler(value);
    }
}
