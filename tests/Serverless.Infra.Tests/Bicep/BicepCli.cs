using System.Diagnostics;
using System.Reflection;

namespace Serverless.Infra.Tests.Bicep;

/// <summary>Runs the Bicep CLI of the Azure.Bicep.CommandLine.linux-x64 package.</summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Path of the CLI, from the BicepPath property the package sets at build time.</summary>
    public static string Path { get; } = FindPath();

    /// <summary>
    /// Sample values of the environment variables that the parameter files read; production requires them.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ParameterEnvironment { get; } = new Dictionary<string, string>
    {
        ["SMTP_HOST"] = "smtp.example.org",
        ["SMTP_USERNAME"] = "notices",
        ["SMTP_PASSWORD"] = "sample-password",
        ["SMTP_FROM_ADDRESS"] = "notices@example.org",
    };

    /// <summary>Runs the CLI with <paramref name="arguments"/> and returns its exit code and output.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in ParameterEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(timeout.Token);
        return new BicepResult(process.ExitCode, await output, await error);
    }

    private static string FindPath()
    {
        var value = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPath")?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException(
                "BicepPath is empty; restore the Azure.Bicep.CommandLine.linux-x64 package of this project.");
        }

        // The package's props file joins the folder and the file name with a backslash.
        var path = System.IO.Path.GetFullPath(value.Replace('\\', '/'));
        return File.Exists(path) ? path : throw new FileNotFoundException("The Bicep CLI is missing.", path);
    }
}

/// <summary>Exit code and output of one Bicep CLI run.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for assertion messages.</summary>
    public string Text => Output + Error;
}
