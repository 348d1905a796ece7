namespace Serverless.Workflows.Campaigns;

/// <summary>Names of the campaign orchestrator and activities, the same in both hosts.</summary>
public static class CampaignTaskNames
{
    public const string CampaignOrchestrator = nameof(CampaignOrchestrator);

    public const string PrepareCampaign = nameof(PrepareCampaign);

    public const string DrawCampaignOffice = nameof(DrawCampaignOffice);

    public const string SendCampaignNotice = nameof(SendCampaignNotice);
}
