using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;

namespace Serverless.Host.Local;

/// <summary>Locates <c>infra/local</c> and installs Azurite there from its lock file when it is missing.</summary>
internal static class AzuriteInstaller
{
    /// <summary>Azurite's command line entry, relative to the package directory (the package's "bin").</summary>
    public static readonly string EntryScript =
        Path.Combine("node_modules", "azurite", "dist", "src", "azurite.js");

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Returns <paramref name="explicitDirectory"/> when given, else the first <c>infra/local</c> with a
    /// <c>package.json</c> found upward from the application's base directory.
    /// </summary>
    public static string FindPackageDirectory(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            if (!File.Exists(Path.Combine(full, "package.json")))
            {
                throw new ValidationException(nameof(AzuriteOptions.PackageDirectory), explicitDirectory,
                    "does not contain a package.json");
            }

            return full;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
            directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra", "local");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No infra/local/package.json was found in '{AppContext.BaseDirectory}' or any parent folder. " +
            $"Set {nameof(AzuriteOptions)}.{nameof(AzuriteOptions.PackageDirectory)} to the folder.");
    }

    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="packageDirectory"/> unless Azurite's entry script exists. A file
    /// lock in the temp folder keeps parallel test processes from installing into the same folder at once.
    /// </summary>
    public static async Task EnsureInstalledAsync(string packageDirectory, TimeSpan timeout, ILogger logger,
        CancellationToken cancellationToken)
    {
        if (IsInstalled(packageDirectory))
        {
            return;
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await using var installLock = await AcquireLockAsync(packageDirectory, timeoutSource.Token)
                .ConfigureAwait(false);
            if (IsInstalled(packageDirectory))
            {
                return;
            }

            AzuriteLog.Installing(logger);
            await RunNpmCiAsync(packageDirectory, timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"npm ci in '{packageDirectory}' did not finish within {timeout}.");
        }

        if (!IsInstalled(packageDirectory))
        {
            throw new InvalidOperationException(
                $"npm ci in '{packageDirectory}' succeeded but {EntryScript} is missing; check package.json.");
        }
    }

    private static bool IsInstalled(string packageDirectory) =>
        File.Exists(Path.Combine(packageDirectory, EntryScript));

    private static async Task<FileStream> AcquireLockAsync(string packageDirectory,
        CancellationToken cancellationToken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(packageDirectory));
        var lockPath = Path.Combine(Path.GetTempPath(),
            $"serverless-local-npm-{Convert.ToHexString(hash, 0, 8)}.lock");
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(LockRetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task RunNpmCiAsync(string packageDirectory, CancellationToken cancellationToken)
    {
        // npm is a batch file on Windows, which only cmd.exe can start.
        var startInfo = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", "npm" } }
            : new ProcessStartInfo("npm");
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = packageDirectory;
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;

        var output = new OutputTail(maxLines: 80);
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException(
                "npm was not found on PATH; install Node.js 20 or later to run Azurite.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"npm ci in '{packageDirectory}' failed with exit code {process.ExitCode}. Its output:" +
                Environment.NewLine + output);
        }
    }
}
