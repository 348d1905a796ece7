using Serverless.Shared.Campaigns;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Input of the activity that draws one office of a campaign.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Draw">The prepared draw.</param>
/// <param name="OfficeCode">Drawing office.</param>
public sealed record CampaignOfficeRequest(Campaign Campaign, DrawPreparation Draw, string OfficeCode);
