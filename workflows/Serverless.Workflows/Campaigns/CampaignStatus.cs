using Serverless.Shared.Campaigns;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>The state of a campaign as the HTTP API returns it.</summary>
/// <param name="CampaignId">Campaign id, also its draw id.</param>
/// <param name="Name">Campaign name.</param>
/// <param name="Status">Runtime status of the orchestration, for example Running, Completed or Terminated.</param>
/// <param name="CreatedAt">When the campaign was accepted.</param>
/// <param name="LastUpdatedAt">When the orchestration last changed, or null before it started.</param>
/// <param name="Progress">Counts while it runs.</param>
/// <param name="Summary">The summary once it has completed.</param>
/// <param name="Records">Blob paths of the office records written so far, once it has completed.</param>
/// <param name="Cancellation">Why it was stopped, or null.</param>
/// <param name="Failure">The error message when it failed.</param>
public sealed record CampaignStatus(
    string CampaignId,
    string Name,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    DrawProgress? Progress,
    DrawSummary? Summary,
    IReadOnlyList<string> Records,
    CampaignCancellation? Cancellation,
    string? Failure);
