using Microsoft.Extensions.Logging;

namespace Serverless.Infra.Tests.Observability;

/// <summary>Messages with the event ids and parameters of the workflows' metered events.</summary>
internal static partial class SampleLog
{
    [LoggerMessage(1000, LogLevel.Information, "Draw {DrawId} started for {Offices} offices")]
    public static partial void DrawStarted(ILogger logger, string drawId, int offices);

    [LoggerMessage(1100, LogLevel.Information, "Draw {DrawId}: office {OfficeCode} drew {Targets} of {PoolSize}")]
    public static partial void OfficeDrawn(ILogger logger, string drawId, string officeCode, int targets, int poolSize);

    [LoggerMessage(1003, LogLevel.Error, "Draw {DrawId}: notice to officer {OfficerId} failed ({ErrorType})")]
    public static partial void NoticeFailed(ILogger logger, string drawId, string officerId, string errorType);

    [LoggerMessage(1390, LogLevel.Information, "Milestone {InstanceId}: notice {MessageId} sent")]
    public static partial void ReminderSent(ILogger logger, string instanceId, string messageId);

    [LoggerMessage(1101, LogLevel.Warning, "Draw {DrawId}: office {OfficeCode} rejected: {Problem}")]
    public static partial void OfficeRejected(ILogger logger, string drawId, string officeCode, string problem);
}
