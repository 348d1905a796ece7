namespace Serverless.Workflows.Orchestrations;

/// <summary>Custom status of a draw orchestration: counts only, so it stays small.</summary>
/// <param name="Stage">Current stage: preparing, drawing, notifying, completing or completed.</param>
/// <param name="Offices">Offices in scope.</param>
/// <param name="OfficesDone">Offices whose draw has finished.</param>
/// <param name="Targets">Targets drawn so far.</param>
/// <param name="NoticesSent">Notices sent so far.</param>
public sealed record DrawProgress(string Stage, int Offices, int OfficesDone, int Targets, int NoticesSent);
