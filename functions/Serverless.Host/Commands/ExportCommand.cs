using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Shared.Registry;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>export draw-results|inspection-results|dishonest</c>: writes data for other departments as CSV or JSON.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var draw = new Option<string>("--draw") { Description = "Draw id.", Required = true };
        return new Command("export", "Export draw results, inspection results or the dishonest list as CSV or JSON.")
        {
            Create("draw-results", "Targets and teams of a draw.", [draw],
                (exporter, result, office, output, format, token) => WriteDrawResultsAsync(
                    exporter, result.GetValue(draw)!, office, output, format, token)),
            Create("inspection-results", "Inspection results of the office and the offices below it.", [],
                async (exporter, _, office, output, format, token) => ExchangeExporter.Write(
                    output, format, await exporter.ListInspectionResultsAsync(office, token))),
            Create("dishonest", "The list of seriously dishonest employers (失信名单).", [],
                async (exporter, _, _, output, format, token) => ExchangeExporter.Write(
                    output, format, await exporter.ListDishonestAsync(token))),
        };
    }

    private static async Task WriteDrawResultsAsync(
        ExchangeExporter exporter, string drawId, string office, Stream output, ExchangeFormat format,
        CancellationToken cancellationToken) =>
        ExchangeExporter.Write(output, format, await exporter.ListDrawResultsAsync(drawId, office, cancellationToken));

    private static Command Create(
        string name, string description, Option[] extra,
        Func<ExchangeExporter, ParseResult, string, Stream, ExchangeFormat, CancellationToken, Task> write)
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var office = new Option<string>("--office")
        {
            Description = "Office whose rows and whose offices' rows are exported.",
            DefaultValueFactory = _ => "440000",
        };
        var format = new Option<ExchangeFormat>("--format")
        {
            Description = "Csv or Json.",
            DefaultValueFactory = _ => ExchangeFormat.Csv,
        };
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var command = new Command(name, description) { office, format, output, dataDirectory };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var storage = await ImportStorage.OpenAsync(settings, cancellationToken);
            var exporter = new ExchangeExporter(storage.Tables);
            var path = result.GetValue(output)!;
            await using (var stream = new FileStream(path.FullName, FileMode.Create, FileAccess.Write))
            {
                await write(exporter, result, result.GetValue(office)!, stream, result.GetValue(format), cancellationToken);
            }

            Console.WriteLine($"Wrote {path.FullName}.");
            return 0;
        });
        return command;
    }
}
