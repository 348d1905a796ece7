using Microsoft.Extensions.Logging;

namespace Serverless.Host.Engine;

/// <summary>Log messages of the self-hosted durable engine, event ids 3100-3199.</summary>
internal static partial class DurableEngineLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Creating task hub {TaskHubName} in storage if it does not exist")]
    public static partial void CreatingTaskHub(ILogger logger, string taskHubName);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Task hub {TaskHubName} is ready")]
    public static partial void TaskHubReady(ILogger logger, string taskHubName);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information,
        Message = "Durable engine for task hub {TaskHubName} serves its gRPC sidecar on {SidecarAddress} " +
            "as worker {WorkerId}")]
    public static partial void SidecarMapped(ILogger logger, string taskHubName, Uri sidecarAddress,
        string workerId);
}
