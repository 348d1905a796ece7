using System.CommandLine;
using Serverless.Host.Hosting;

namespace Serverless.Host.Commands;

/// <summary><c>serve</c>: runs the engine, the HTTP API and the scheduler's tick until stopped.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var command = new Command("serve", "Run the durable engine, the HTTP API (Urls, default http://127.0.0.1:7071) and the draw scheduler.")
        {
            dataDirectory,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: true, LogLevel.Information, cancellationToken);
            Console.WriteLine($"Serving on {settings.Urls}, task hub {settings.TaskHub}. Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM: fall through to the orderly shutdown of the runtime.
            }

            return 0;
        });
        return command;
    }
}
