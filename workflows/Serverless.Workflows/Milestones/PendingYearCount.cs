namespace Serverless.Workflows.Milestones;

/// <summary>Number of milestone starts that wait for one calendar year.</summary>
/// <param name="Year">The year the working-day calendar lacks.</param>
/// <param name="Starts">Pending starts that need it.</param>
public sealed record PendingYearCount(int Year, int Starts);
