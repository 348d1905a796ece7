using Microsoft.Extensions.Logging;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Log messages of campaigns and recusals, event ids 5300-5399. Messages carry ids and counts, never names,
/// reasons or payloads.
/// </summary>
internal static partial class CampaignLog
{
    [LoggerMessage(5300, LogLevel.Information, "Campaign {CampaignId} started for {Offices} offices")]
    public static partial void CampaignStarted(ILogger logger, string campaignId, int offices);

    [LoggerMessage(5301, LogLevel.Information,
        "Campaign {CampaignId} completed: {Drawn} offices drawn, {Targets} targets, {Notices} notices sent")]
    public static partial void CampaignCompleted(ILogger logger, string campaignId, int drawn, int targets, int notices);

    [LoggerMessage(5302, LogLevel.Error, "Campaign {CampaignId}: notice to officer {OfficerId} failed ({ErrorType})")]
    public static partial void NoticeFailed(ILogger logger, string campaignId, string officerId, string errorType);

    [LoggerMessage(5303, LogLevel.Information, "Campaign {CampaignId}: office {OfficeCode} drew {Targets} of {PoolSize}")]
    public static partial void OfficeDrawn(ILogger logger, string campaignId, string officeCode, int targets, int poolSize);

    [LoggerMessage(5304, LogLevel.Warning, "Campaign {CampaignId}: office {OfficeCode} rejected: {Problem}")]
    public static partial void OfficeRejected(ILogger logger, string campaignId, string officeCode, string problem);

    [LoggerMessage(5305, LogLevel.Information, "Campaign {CampaignId} cancelled by {PrincipalId}; {Notices} notices sent")]
    public static partial void CampaignCancelled(ILogger logger, string campaignId, string principalId, int notices);

    [LoggerMessage(5306, LogLevel.Information,
        "Draw {DrawId}: recusal {Number} of officer {OfficerId} recorded, replacement {ReplacementId}")]
    public static partial void RecusalRecorded(
        ILogger logger, string drawId, int number, string officerId, string replacementId);

    [LoggerMessage(5307, LogLevel.Warning, "Notice {RecipientId} of draw {DrawId} was already claimed or sent")]
    public static partial void NoticeAlreadyHandled(ILogger logger, string drawId, string recipientId);
}
