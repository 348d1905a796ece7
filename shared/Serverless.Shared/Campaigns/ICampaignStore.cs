namespace Serverless.Shared.Campaigns;

/// <summary>Accepted campaigns, one row per campaign id. A campaign is added once and never replaced.</summary>
public interface ICampaignStore
{
    /// <summary>Adds the campaign unless one has its id. Returns false when one existed; it is left as it was.</summary>
    Task<bool> TryAddAsync(Campaign campaign, string requestSha256, CancellationToken cancellationToken = default);

    /// <summary>Reads a campaign, or returns null when none has that id.</summary>
    Task<StoredCampaign?> GetAsync(string campaignId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the right to start the campaign's orchestration. Of concurrent callers exactly one gets true; a claim
    /// older than <paramref name="staleAfter"/> can be claimed again, so a starter that crashed is replaced.
    /// </summary>
    Task<bool> TryClaimStartAsync(
        string campaignId, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records the cancellation unless one is stored, and returns the stored one. Returns null when no campaign
    /// has that id.
    /// </summary>
    Task<CampaignCancellation?> CancelAsync(
        string campaignId, CampaignCancellation cancellation, CancellationToken cancellationToken = default);
}
