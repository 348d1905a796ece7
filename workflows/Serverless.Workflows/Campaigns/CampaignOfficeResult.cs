using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>Result of one office of a campaign.</summary>
/// <param name="Result">Counts and the officers to notify, as for a scheduled draw.</param>
/// <param name="OfficerOffices">Home office of each officer to notify; differs from the drawing office when borrowed.</param>
public sealed record CampaignOfficeResult(OfficeDrawResult Result, IReadOnlyDictionary<string, string> OfficerOffices);
