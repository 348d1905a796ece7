using Microsoft.Extensions.Logging;

namespace Serverless.Host.Local;

/// <summary>Log messages of the local Azurite launcher, event ids 3000-3099.</summary>
internal static partial class AzuriteLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information,
        Message = "Azurite is not installed; running npm ci in infra/local")]
    public static partial void Installing(ILogger logger);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information,
        Message = "Starting Azurite on blob port {BlobPort}, queue port {QueuePort}, table port {TablePort} " +
            "with {Persistence} persistence")]
    public static partial void Starting(ILogger logger, int blobPort, int queuePort, int tablePort,
        string persistence);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information,
        Message = "Azurite started as process {ProcessId}")]
    public static partial void Started(ILogger logger, int processId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Azurite could not bind a picked port (attempt {Attempt}); retrying with other ports")]
    public static partial void RetryingPorts(ILogger logger, int attempt);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "Azurite process {ProcessId} stopped with exit code {ExitCode}")]
    public static partial void Stopped(ILogger logger, int processId, int exitCode);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "Azurite process {ProcessId} did not stop within {Timeout}; killing its process tree")]
    public static partial void StopTimedOut(ILogger logger, int processId, TimeSpan timeout);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "Killed Azurite process {ProcessId}")]
    public static partial void Killed(ILogger logger, int processId);
}
