namespace Serverless.Shared.Campaigns;

/// <summary>Why and by whom a campaign was stopped.</summary>
/// <param name="Reason">Reason given by the caller.</param>
/// <param name="CancelledBy">Key or principal id of the caller.</param>
/// <param name="CancelledAt">When it was stopped.</param>
public sealed record CampaignCancellation(string Reason, string CancelledBy, DateTimeOffset CancelledAt);
