using System.CommandLine;
using Serverless.Shared.Data;
using Serverless.Shared.Registry;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>import generate FILE --rows N</c>: writes a synthetic employer file over the bundled inspecting offices,
/// for measuring imports.
/// </summary>
internal static class ImportGenerateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV file to write; an existing file is replaced." };
        var rows = new Option<int>("--rows")
        {
            Description = "Number of employer rows.",
            DefaultValueFactory = _ => 1_000_000,
        };
        var office = new Option<string?>("--office")
        {
            Description = "Only use the inspecting offices at or below this office. Default: every inspecting office.",
        };
        var command = new Command("generate", "Write a synthetic employer import file with valid credit codes.")
        {
            file, rows, office,
        };
        command.SetAction(result =>
        {
            var data = BundledData.Load(BundledData.FindDefaultDirectory());
            var tree = new Shared.Domain.OfficeTree(data.Offices);
            var offices = tree.InspectingOfficesIn([result.GetValue(office) ?? "440000"], "--office");
            var path = result.GetValue(file)!;
            using (var writer = new StreamWriter(path.FullName, append: false, TextEncodings.Utf8, 1 << 16))
            {
                EmployerFileGenerator.Write(writer, offices, result.GetValue(rows));
            }

            Console.WriteLine($"Wrote {result.GetValue(rows):N0} employers of {offices.Count} offices to {path.FullName}.");
            return 0;
        });
        return command;
    }
}
