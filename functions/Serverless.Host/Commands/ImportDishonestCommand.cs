using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Shared.Registry;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>import dishonest FILE</c>: imports another department's list of seriously dishonest employers and flags
/// the registered ones.
/// </summary>
internal static class ImportDishonestCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "A .csv or .xlsx file with the header " + string.Join(',', DishonestImporter.Header) + ".",
        };
        var encoding = new Option<string>("--encoding")
        {
            Description = "Encoding of a CSV file: auto, utf-8 or gb18030.",
            DefaultValueFactory = _ => "auto",
        };
        var command = new Command("dishonest", "Import a dishonest list (失信名单) and set the risk flag on listed employers.")
        {
            file, encoding, dataDirectory,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(file)!;
            var format = TabularReader.FormatOf(path.Name);
            var textEncoding = TextEncodings.Parse(result.GetValue(encoding));
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var storage = await ImportStorage.OpenAsync(settings, cancellationToken);
            var tables = storage.Tables;
            var importer = new DishonestImporter(tables, new TableHistoryStore(tables), TimeProvider.System);
            await using var stream = path.OpenRead();

            var report = await importer.ImportAsync(
                stream, format, "cli:" + Environment.UserName, textEncoding, cancellationToken);

            AnsiConsole.MarkupLine(Markup.Escape(
                $"{report.Rows:N0} rows: {report.Stored:N0} stored, {report.Flagged:N0} employers flagged, " +
                $"{report.Unflagged:N0} unflagged, {report.NotRegistered:N0} not in the registry, " +
                $"{report.Rejected:N0} rejected."));
            if (report.Errors.Count == 0)
            {
                return 0;
            }

            var errorsPath = path.FullName + ".errors.csv";
            using (var writer = new StreamWriter(errorsPath, append: false, TextEncodings.Utf8))
            {
                RowErrorCsv.Write(writer, report.Errors);
            }

            AnsiConsole.MarkupLine(Markup.Escape($"Rejected rows are listed in {errorsPath}"));
            return 1;
        });
        return command;
    }
}
