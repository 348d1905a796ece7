namespace Serverless.Workflows.Campaigns;

/// <summary>
/// A well-formed request that cannot be carried out, for example a campaign whose pool is empty or a target
/// that cannot be restaffed. Nothing was written.
/// </summary>
public sealed class CampaignRejectedException : Exception
{
    public CampaignRejectedException(string reason)
        : base(reason)
    {
    }

    public CampaignRejectedException()
    {
    }

    public CampaignRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
