namespace Serverless.Workflows.Campaigns;

/// <summary>Outcome of a campaign request.</summary>
public enum CampaignStartOutcome
{
    /// <summary>This call started the campaign's orchestration.</summary>
    Started,

    /// <summary>The campaign existed with the same request; nothing new was started.</summary>
    Existing,

    /// <summary>The id belongs to a campaign created by a different request.</summary>
    KeyReused,
}
