namespace Serverless.Host.Local;

/// <summary>
/// Settings for starting Azurite, the local Azure Storage emulator, from the repository's <c>infra/local</c>.
/// </summary>
public sealed record AzuriteOptions
{
    /// <summary>
    /// Folder that contains Azurite's <c>package.json</c>. Null searches upward from the application's base
    /// directory for <c>infra/local/package.json</c>.
    /// </summary>
    public string? PackageDirectory { get; init; }

    /// <summary>Blob service port on 127.0.0.1; 0 picks a free port.</summary>
    public int BlobPort { get; init; }

    /// <summary>Queue service port on 127.0.0.1; 0 picks a free port.</summary>
    public int QueuePort { get; init; }

    /// <summary>Table service port on 127.0.0.1; 0 picks a free port.</summary>
    public int TablePort { get; init; }

    /// <summary>
    /// Folder where Azurite keeps its data, created when missing. Null keeps all data in memory, so it is
    /// lost when the process ends.
    /// </summary>
    public string? Location { get; init; }

    /// <summary>Maximum time to wait until all three services accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Maximum time to wait for a graceful stop before the process tree is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Maximum time for <c>npm ci</c> when Azurite is not installed yet.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
