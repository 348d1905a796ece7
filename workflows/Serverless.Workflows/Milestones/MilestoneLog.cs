using Microsoft.Extensions.Logging;

namespace Serverless.Workflows.Milestones;

/// <summary>
/// Log messages of the milestone workflows, event ids 1380-1399. They carry instance ids, office codes and
/// step ids, never names or addresses.
/// </summary>
internal static partial class MilestoneLog
{
    [LoggerMessage(1380, LogLevel.Information, "Milestone {InstanceId}: step {StepId} sent")]
    public static partial void StepSent(ILogger logger, string instanceId, string stepId);

    [LoggerMessage(1381, LogLevel.Information, "Milestone {InstanceId} ended: {Outcome} after {Steps} steps")]
    public static partial void Ended(ILogger logger, string instanceId, MilestoneOutcome outcome, int steps);

    [LoggerMessage(1382, LogLevel.Information,
        "Milestone {InstanceId} waits for calendar year {Year} and starts when that year is loaded")]
    public static partial void StartDeferred(ILogger logger, string instanceId, int year);

    [LoggerMessage(1383, LogLevel.Information, "Milestone {InstanceId} started from its pending start")]
    public static partial void PendingStarted(ILogger logger, string instanceId);

    [LoggerMessage(1384, LogLevel.Warning, "Pending milestone start {InstanceId} stays pending: {Reason}")]
    public static partial void PendingStartSkipped(ILogger logger, string instanceId, string reason);

    [LoggerMessage(1385, LogLevel.Information,
        "Pending milestone starts: {Started} started, {Existing} existed or were started elsewhere, " +
        "{Waiting} still wait for a calendar year")]
    public static partial void PendingStartsProcessed(ILogger logger, int started, int existing, int waiting);

    [LoggerMessage(1390, LogLevel.Information, "Milestone {InstanceId}: notice {MessageId} sent")]
    public static partial void NoticeSent(ILogger logger, string instanceId, string messageId);

    [LoggerMessage(1391, LogLevel.Warning,
        "Milestone {InstanceId}: notice to {RecipientId} was already claimed or sent; not sending again")]
    public static partial void NoticeAlreadyHandled(ILogger logger, string instanceId, string recipientId);
}
