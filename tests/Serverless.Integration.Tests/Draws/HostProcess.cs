using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Serverless.Host.Hosting;

namespace Serverless.Integration.Tests.Draws;

/// <summary>The built self-host run as a separate process, so a test can kill it with SIGKILL.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HostProcess(Process process) => this.process = process;

    /// <summary>Lines the process wrote to standard output and standard error so far.</summary>
    public IReadOnlyCollection<string> Output => output;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>Serverless.Host</c> with the given arguments and the settings as environment variables.</summary>
    public static HostProcess Start(HostSettings settings, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostAssembly());
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["Storage__ConnectionString"] = settings.StorageConnectionString;
        info.Environment["Storage__Prefix"] = settings.StoragePrefix;
        info.Environment["Engine__TaskHub"] = settings.TaskHub;
        info.Environment["Data__Directory"] = settings.DataDirectory;
        info.Environment["Smtp__Host"] = settings.Smtp.Host;
        info.Environment["Smtp__Port"] = settings.Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Smtp__TlsMode"] = settings.Smtp.TlsMode.ToString();
        info.Environment["Smtp__FromAddress"] = settings.Smtp.FromAddress;
        info.Environment["Smtp__FromName"] = settings.Smtp.FromName;
        info.Environment["Urls"] = settings.Urls;
        info.Environment["Schedule__Tick"] = settings.TickSchedule;
        if (settings.PartitionCount is { } partitions)
        {
            info.Environment["Engine__PartitionCount"] = partitions.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.MaxConcurrentActivities is { } activities)
        {
            info.Environment["Engine__MaxConcurrentActivities"] = activities.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.MessageVisibilityTimeout is { } visibility)
        {
            info.Environment["Engine__MessageVisibilityTimeout"] = visibility.ToString("c", CultureInfo.InvariantCulture);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, line) => host.Collect(line.Data);
        process.ErrorDataReceived += (_, line) => host.Collect(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Kills the process tree with SIGKILL and waits for it to be gone.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return process.ExitCode;
    }

    /// <summary>Waits until a <c>serve</c> process returns the public item list at <paramref name="address"/>.</summary>
    public async Task WaitUntilServingAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && !HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/api/public/items", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        var state = HasExited ? $"exited with code {ExitCode}" : "still running";
        var lastLines = string.Join('\n', output.TakeLast(20));
        Assert.Fail($"the host serving {address} did not start listening within a minute; it {state}. Its last lines:\n{lastLines}");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    /// <summary>The self-host built beside this test assembly, for the same configuration.</summary>
    private static string HostAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Serverless.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build functions/Serverless.Host first.", path);
    }
}
