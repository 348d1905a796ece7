using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Shared.Publication;

namespace Serverless.Host.Commands;

/// <summary><c>chain</c>: walks an office's publication chain and reports the first break.</summary>
internal static class ChainCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var office = new Option<string>("--office") { Description = "Six-digit office code, for example 440303.", Required = true };
        var command = new Command(
            "chain",
            "Check an office's publication chain: each record's SHA-256 and each link. Exit code 0 when it holds, 1 at a break.")
        {
            dataDirectory,
            office,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            var report = await runtime.Services.GetRequiredService<PublicationChain>()
                .CheckAsync(result.GetRequiredValue(office), cancellationToken);
            foreach (var link in report.Links)
            {
                Console.WriteLine($"{link.Seq}\tok\t{link.RecordPath}\t{link.RecordSha256}");
            }

            if (report.FirstBreak is { } broken)
            {
                Console.WriteLine($"{broken.Seq}\tBROKEN\t{broken.RecordPath ?? broken.EntryPath}\t{broken.Reason}");
                Console.WriteLine($"Chain of office {report.OfficeCode}: breaks at entry {broken.Seq} of {report.Entries}.");
                return 1;
            }

            Console.WriteLine($"Chain of office {report.OfficeCode}: all {report.Entries} entries hold.");
            return 0;
        });
        return command;
    }
}
