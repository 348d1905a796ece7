using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Workflows.Draws;

namespace Serverless.Host.Commands;

/// <summary><c>verify</c>: recomputes a stored draw from its records and files and reports whether it matches.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var draw = new Option<string>("--draw") { Description = "Draw id, for example draw-gd-monthly-20261201T0100Z.", Required = true };
        var command = new Command("verify", "Recompute a stored draw and compare it with its record. Exit code 0 on a match, 1 on a mismatch.")
        {
            dataDirectory,
            draw,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            var drawId = result.GetRequiredValue(draw);
            var results = await runtime.Services.GetRequiredService<DrawVerifier>().VerifyDrawAsync(drawId, cancellationToken);
            if (results.Count == 0)
            {
                await Console.Error.WriteLineAsync($"verify: no office records found for draw '{drawId}'.");
                return 2;
            }

            foreach (var office in results)
            {
                Console.WriteLine(office.Matches
                    ? $"{office.OfficeCode}\tmatch\t{office.RecordPath}"
                    : $"{office.OfficeCode}\tMISMATCH\t{office.RecordPath}\t{string.Join("; ", office.Problems)}");
            }

            var mismatches = results.Count(r => !r.Matches);
            Console.WriteLine(mismatches == 0
                ? $"Draw {drawId}: all {results.Count} office records match."
                : $"Draw {drawId}: {mismatches} of {results.Count} office records do not match.");
            return mismatches == 0 ? 0 : 1;
        });
        return command;
    }
}
