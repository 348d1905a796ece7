namespace Serverless.Shared.Publication;

/// <summary>One completed draw in the public list of draws.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="PlanId">Plan id.</param>
/// <param name="PlanName">Plan name, or the plan id when the plan is no longer stored.</param>
/// <param name="Slot">Scheduled draw time in UTC.</param>
/// <param name="DrawnOn">Draw date in China Standard Time.</param>
/// <param name="OfficesDrawn">Offices that drew targets.</param>
/// <param name="Targets">Targets drawn over all offices.</param>
/// <param name="SummaryPath">Blob path of the draw summary.</param>
public sealed record PublicDrawListing(
    string DrawId,
    string PlanId,
    string PlanName,
    DateTimeOffset Slot,
    DateOnly DrawnOn,
    int OfficesDrawn,
    int Targets,
    string SummaryPath);
