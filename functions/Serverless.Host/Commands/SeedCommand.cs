using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Shared.Data;

namespace Serverless.Host.Commands;

/// <summary><c>seed</c>: loads the bundled (or another) data folder into the configured storage.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var source = new Option<string?>("--source")
        {
            Description = "Folder with offices.csv, items.json, employers.csv, officers.csv and plans.json. Default: the bundled Guangdong data.",
        };
        var command = new Command("seed", "Load registry data into storage; loading the same data again changes nothing.") { dataDirectory, source };
        command.SetAction(async (result, cancellationToken) =>
        {
            var data = BundledData.Load(result.GetValue(source) ?? BundledData.FindDefaultDirectory());
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            await DataSeeder.SeedAsync(runtime.Storage.Registry, data, null, cancellationToken);
            Console.WriteLine($"Loaded {data.Offices.Count} offices, {data.Items.Count} items, {data.Plans.Count} plans, " +
                $"{data.Officers.Count} officers and {data.Employers.Count} employers.");
            return 0;
        });
        return command;
    }
}
