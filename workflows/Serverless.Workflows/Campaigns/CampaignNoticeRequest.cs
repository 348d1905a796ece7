using Serverless.Shared.Campaigns;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Input of the activity that notifies one officer of a campaign.</summary>
/// <param name="Campaign">The campaign.</param>
/// <param name="Draw">The prepared draw.</param>
/// <param name="OfficeCode">Drawing office of the officer's targets.</param>
/// <param name="OfficerOfficeCode">Office whose roster holds the officer.</param>
/// <param name="OfficerId">Officer to notify.</param>
/// <param name="DepartmentCode">Participating department whose roster holds the officer, or null for the lead's roster.</param>
public sealed record CampaignNoticeRequest(
    Campaign Campaign,
    DrawPreparation Draw,
    string OfficeCode,
    string OfficerOfficeCode,
    string OfficerId,
    string? DepartmentCode = null);
