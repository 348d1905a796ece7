using System.Diagnostics;
using System.Globalization;
using Serverless.Host.Hosting;

namespace Serverless.Integration.Tests.Public;

/// <summary>Runs one command of the built self-host to its end, with the settings as environment variables.</summary>
internal static class HostCommand
{
    /// <summary>Returns the exit code and everything the command wrote to standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(HostSettings settings, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Serverless.Host.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Storage__ConnectionString"] = settings.StorageConnectionString;
        info.Environment["Storage__Prefix"] = settings.StoragePrefix;
        info.Environment["Engine__TaskHub"] = settings.TaskHub;
        info.Environment["Data__Directory"] = settings.DataDirectory;
        info.Environment["Smtp__Host"] = settings.Smtp.Host;
        info.Environment["Smtp__Port"] = settings.Smtp.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["Smtp__TlsMode"] = settings.Smtp.TlsMode.ToString();
        info.Environment["Smtp__FromAddress"] = settings.Smtp.FromAddress;

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
