using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Result of one office of a campaign.</summary>
/// <param name="Result">Counts and the officers to notify, as for a scheduled draw.</param>
/// <param name="OfficerOffices">Home office of each officer to notify; differs from the drawing office when borrowed.</param>
/// <param name="OfficerDepartments">
/// Department of each participating department's officer to notify in a joint campaign; lead officers are not listed.
/// </param>
public sealed record CampaignOfficeResult(
    OfficeDrawResult Result,
    IReadOnlyDictionary<string, string> OfficerOffices,
    IReadOnlyDictionary<string, string>? OfficerDepartments = null);
