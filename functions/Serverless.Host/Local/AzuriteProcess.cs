using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Shared.Domain;

namespace Serverless.Host.Local;

/// <summary>
/// A running Azurite (blob, queue and table emulator) started with Node.js from the repository's
/// <c>infra/local</c>, listening on 127.0.0.1 only.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    // The development account key that Azurite's documentation publishes; it is the same on every machine.
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int MaxPortAttempts = 3;
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process process;
    private readonly ILogger logger;
    private readonly TimeSpan stopTimeout;
    private bool disposed;

    private AzuriteProcess(Process process, AzuritePorts ports, ILogger logger, TimeSpan stopTimeout)
    {
        this.process = process;
        this.logger = logger;
        this.stopTimeout = stopTimeout;
        BlobPort = ports.Blob;
        QueuePort = ports.Queue;
        TablePort = ports.Table;
    }

    /// <summary>Port of the blob service on 127.0.0.1.</summary>
    public int BlobPort { get; }

    /// <summary>Port of the queue service on 127.0.0.1.</summary>
    public int QueuePort { get; }

    /// <summary>Port of the table service on 127.0.0.1.</summary>
    public int TablePort { get; }

    /// <summary>Connection string for the development account with explicit blob, queue and table endpoints.</summary>
    public string ConnectionString =>
        string.Create(CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
            $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};");

    /// <summary>Whether the Azurite process has ended. Not available after <see cref="DisposeAsync"/>.</summary>
    public bool HasExited
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return process.HasExited;
        }
    }

    /// <inheritdoc cref="StartAsync(AzuriteOptions, ILogger, CancellationToken)"/>
    public static Task<AzuriteProcess> StartAsync(AzuriteOptions options, CancellationToken cancellationToken) =>
        StartAsync(options, NullLogger.Instance, cancellationToken);

    /// <summary>
    /// Installs Azurite with <c>npm ci</c> when it is missing, starts it and waits until the blob, queue and
    /// table ports accept connections. Ports left at 0 are picked free. Starting again with the same ports and
    /// <see cref="AzuriteOptions.Location"/> after a stop serves the stored data again.
    /// </summary>
    /// <exception cref="ValidationException">A port or timeout in <paramref name="options"/> is invalid.</exception>
    /// <exception cref="TimeoutException">The ports did not accept connections within the start timeout.</exception>
    /// <exception cref="InvalidOperationException">Node.js is missing, or Azurite exited while starting.</exception>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Validate(options);

        var packageDirectory = AzuriteInstaller.FindPackageDirectory(options.PackageDirectory);
        await AzuriteInstaller.EnsureInstalledAsync(packageDirectory, options.InstallTimeout, logger,
            cancellationToken).ConfigureAwait(false);
        if (options.Location is not null)
        {
            Directory.CreateDirectory(options.Location);
        }

        var picksPorts = options.BlobPort == 0 || options.QueuePort == 0 || options.TablePort == 0;
        if (!picksPorts)
        {
            await ThrowIfPortsInUseAsync(options, cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            var ports = AzuritePorts.Resolve(options);
            try
            {
                return await LaunchAsync(packageDirectory, options, ports, logger, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (AzuritePortInUseException) when (picksPorts && attempt < MaxPortAttempts)
            {
                AzuriteLog.RetryingPorts(logger, attempt);
            }
        }
    }

    /// <summary>
    /// Stops Azurite with SIGTERM so it saves its data, and kills the process tree when it has not ended within
    /// <see cref="AzuriteOptions.StopTimeout"/>. Windows has no SIGTERM, so there the process is killed at once.
    /// </summary>
    public async Task StopAsync()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows() || !PosixSignal.Terminate(process.Id))
        {
            Kill();
            return;
        }

        using var timeout = new CancellationTokenSource(stopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            AzuriteLog.Stopped(logger, process.Id, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            AzuriteLog.StopTimedOut(logger, process.Id, stopTimeout);
            Kill();
        }
    }

    /// <summary>
    /// Kills the process tree with SIGKILL and waits until it has ended, so its ports are free on return.
    /// </summary>
    /// <remarks>
    /// Azurite 3.37.0 saves its on-disk metadata every 5 seconds, so writes from the last seconds before a kill
    /// may be missing after a restart on the same location.
    /// </remarks>
    public void Kill()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (process.HasExited)
        {
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill.
            return;
        }

        process.WaitForExit(stopTimeout);
        AzuriteLog.Killed(logger, process.Id);
    }

    /// <summary>Stops Azurite gracefully (see <see cref="StopAsync"/>) and releases the process handle.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        await StopAsync().ConfigureAwait(false);
        process.Dispose();
        disposed = true;
    }

    private static void Validate(AzuriteOptions options)
    {
        ValidatePort(nameof(options.BlobPort), options.BlobPort);
        ValidatePort(nameof(options.QueuePort), options.QueuePort);
        ValidatePort(nameof(options.TablePort), options.TablePort);
        ValidatePositive(nameof(options.StartTimeout), options.StartTimeout);
        ValidatePositive(nameof(options.StopTimeout), options.StopTimeout);
        ValidatePositive(nameof(options.InstallTimeout), options.InstallTimeout);

        var fixedPorts = new[] { options.BlobPort, options.QueuePort, options.TablePort }.Where(p => p != 0);
        if (fixedPorts.Distinct().Count() != fixedPorts.Count())
        {
            throw new ValidationException("ports",
                string.Create(CultureInfo.InvariantCulture,
                    $"{options.BlobPort},{options.QueuePort},{options.TablePort}"),
                "must differ for blob, queue and table");
        }
    }

    private static void ValidatePort(string field, int port)
    {
        if (port is < 0 or > 65535)
        {
            throw new ValidationException(field, port.ToString(CultureInfo.InvariantCulture),
                "must be between 0 and 65535");
        }
    }

    private static void ValidatePositive(string field, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ValidationException(field, value.ToString("c", CultureInfo.InvariantCulture),
                "must be positive");
        }
    }

    private static async Task ThrowIfPortsInUseAsync(AzuriteOptions options, CancellationToken cancellationToken)
    {
        foreach (var port in new[] { options.BlobPort, options.QueuePort, options.TablePort })
        {
            if (await LoopbackPorts.AcceptsConnectionsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException(
                    $"Port {port} on 127.0.0.1 is already in use; stop the process that listens on it or pick " +
                    "other Azurite ports.");
            }
        }
    }

    private static async Task<AzuriteProcess> LaunchAsync(string packageDirectory, AzuriteOptions options,
        AzuritePorts ports, ILogger logger, CancellationToken cancellationToken)
    {
        var errors = new OutputTail(maxLines: 40);
        var process = new Process { StartInfo = CreateStartInfo(packageDirectory, options, ports) };

        // Both streams are drained so a full pipe never blocks Azurite; only the error stream is kept.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        AzuriteLog.Starting(logger, ports.Blob, ports.Queue, ports.Table,
            options.Location is null ? "in-memory" : "on-disk");
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "node was not found on PATH; install Node.js 20 or later to run Azurite.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var azurite = new AzuriteProcess(process, ports, logger, options.StopTimeout);
        try
        {
            await azurite.WaitUntilListeningAsync(errors, options.StartTimeout, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            azurite.Kill();
            process.Dispose();
            throw;
        }

        AzuriteLog.Started(logger, process.Id);
        return azurite;
    }

    private static ProcessStartInfo CreateStartInfo(string packageDirectory, AzuriteOptions options,
        AzuritePorts ports)
    {
        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = packageDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            AzuriteInstaller.EntryScript,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", ports.Blob.ToString(CultureInfo.InvariantCulture),
            "--queuePort", ports.Queue.ToString(CultureInfo.InvariantCulture),
            "--tablePort", ports.Table.ToString(CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--loose", "--silent",

            // Azurite 3.37.0 sends usage telemetry unless told not to; nothing may leave the machine.
            "--disableTelemetry",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.Location is null)
        {
            startInfo.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            startInfo.ArgumentList.Add("--location");
            startInfo.ArgumentList.Add(Path.GetFullPath(options.Location));
        }

        return startInfo;
    }

    private async Task WaitUntilListeningAsync(OutputTail errors, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            while (!await AllPortsAcceptAsync(timeoutSource.Token).ConfigureAwait(false))
            {
                ThrowIfExited(errors);
                await Task.Delay(ProbeInterval, timeoutSource.Token).ConfigureAwait(false);
            }

            ThrowIfExited(errors);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                $"Azurite did not accept connections on ports {BlobPort}, {QueuePort} and {TablePort} within " +
                $"{timeout}. Its error output:{Environment.NewLine}{errors}"));
        }
    }

    private async Task<bool> AllPortsAcceptAsync(CancellationToken cancellationToken)
    {
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            if (!await LoopbackPorts.AcceptsConnectionsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private void ThrowIfExited(OutputTail errors)
    {
        if (!process.HasExited)
        {
            return;
        }

        // WaitForExit without a timeout returns only after the redirected streams reached their end.
        process.WaitForExit();
        var output = errors.ToString();
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Azurite exited with code {process.ExitCode} before listening on ports {BlobPort}, {QueuePort} " +
            $"and {TablePort}. Its error output:{Environment.NewLine}{output}");
        if (output.Contains("EADDRINUSE", StringComparison.Ordinal))
        {
            throw new AzuritePortInUseException(message);
        }

        throw new InvalidOperationException(message);
    }
}
