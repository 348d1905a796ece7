using Microsoft.Extensions.Logging;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Logging;

/// <summary>
/// Log messages of the workflows. Event ids: 1000-1099 orchestrations, 1100-1199 activities,
/// 1200-1299 scheduling; the hosts use 2000 and up. Messages carry ids and counts, never personal data.
/// </summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(1000, LogLevel.Information, "Draw {DrawId} started for {Offices} offices")]
    public static partial void DrawStarted(ILogger logger, string drawId, int offices);

    [LoggerMessage(1001, LogLevel.Information,
        "Draw {DrawId} completed: {Drawn} offices drawn, {Rejected} rejected, {Targets} targets, {Notices} notices sent")]
    public static partial void DrawCompleted(ILogger logger, string drawId, int drawn, int rejected, int targets, int notices);

    [LoggerMessage(1002, LogLevel.Warning, "Draw {DrawId}: office {OfficeCode} not drawn ({Outcome})")]
    public static partial void OfficeNotDrawn(ILogger logger, string drawId, string officeCode, OfficeOutcome outcome);

    [LoggerMessage(1003, LogLevel.Error, "Draw {DrawId}: notice to officer {OfficerId} failed after every retry ({ErrorType})")]
    public static partial void NoticeFailed(ILogger logger, string drawId, string officerId, string errorType);

    [LoggerMessage(1100, LogLevel.Information, "Draw {DrawId}: office {OfficeCode} drew {Targets} of {PoolSize}")]
    public static partial void OfficeDrawn(ILogger logger, string drawId, string officeCode, int targets, int poolSize);

    [LoggerMessage(1101, LogLevel.Warning, "Draw {DrawId}: office {OfficeCode} rejected: {Problem}")]
    public static partial void OfficeRejected(ILogger logger, string drawId, string officeCode, string problem);

    [LoggerMessage(1102, LogLevel.Information, "Draw {DrawId}: office {OfficeCode} record existed, reusing it")]
    public static partial void OfficeRecordReused(ILogger logger, string drawId, string officeCode);

    [LoggerMessage(1103, LogLevel.Information, "Draw {DrawId}: notice {MessageId} sent")]
    public static partial void NoticeSent(ILogger logger, string drawId, string messageId);

    [LoggerMessage(1104, LogLevel.Warning,
        "Draw {DrawId}: notice to officer {OfficerId} was already claimed or sent; not sending again")]
    public static partial void NoticeAlreadyHandled(ILogger logger, string drawId, string officerId);

    [LoggerMessage(1107, LogLevel.Warning,
        "Outbox {OutboxKey}: notice {MessageId} was sent but marking it sent failed (attempt {Attempt}, " +
        "{ErrorType}); retrying the mark only")]
    public static partial void NoticeMarkRetried(
        ILogger logger, string outboxKey, string messageId, int attempt, string errorType);

    [LoggerMessage(1108, LogLevel.Error,
        "Outbox {OutboxKey}: sending the notice to {RecipientId} failed with {ErrorType}, so it may have been " +
        "sent; it stays claimed and is never sent again")]
    public static partial void NoticeOutcomeUnknown(
        ILogger logger, string outboxKey, string recipientId, string errorType);

    [LoggerMessage(1105, LogLevel.Information, "Plan {PlanId} slot {Slot:o}: committed seed {SeedSha256} over {Offices} pools")]
    public static partial void SeedCommitted(ILogger logger, string planId, DateTimeOffset slot, string seedSha256, int offices);

    [LoggerMessage(1106, LogLevel.Warning,
        "Plan {PlanId} slot {Slot:o}: no commitment existed before the draw, committing now; the record marks it late")]
    public static partial void CommitmentLate(ILogger logger, string planId, DateTimeOffset slot);

    [LoggerMessage(1200, LogLevel.Information, "Started {Orchestrator} instance {InstanceId}")]
    public static partial void InstanceStarted(ILogger logger, string orchestrator, string instanceId);

    [LoggerMessage(1201, LogLevel.Debug, "Instance {InstanceId} exists, not starting it again")]
    public static partial void InstanceExists(ILogger logger, string instanceId);

    [LoggerMessage(1203, LogLevel.Debug, "Instance {InstanceId} is being started by another host, not starting it here")]
    public static partial void StartClaimedElsewhere(ILogger logger, string instanceId);

    [LoggerMessage(1202, LogLevel.Error, "Scheduling plan {PlanId} failed")]
    public static partial void PlanSchedulingFailed(ILogger logger, Exception exception, string planId);
}
