namespace Serverless.Shared.Campaigns;

/// <summary>A campaign as stored when it was accepted.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="RequestSha256">SHA-256 of the request that created it, to tell a repeat from a different request.</param>
/// <param name="Cancellation">Set once the campaign was stopped.</param>
public sealed record StoredCampaign(Campaign Campaign, string RequestSha256, CampaignCancellation? Cancellation);
