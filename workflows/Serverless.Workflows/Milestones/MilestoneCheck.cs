namespace Serverless.Workflows.Milestones;

/// <summary>Input of the activity that reads whether one office has met one milestone.</summary>
/// <param name="SetId">Milestone set id.</param>
/// <param name="Version">Version of the set.</param>
/// <param name="MilestoneId">Milestone id.</param>
/// <param name="OfficeCode">Office to check.</param>
/// <param name="DueDate">Due date, against which certificates are checked.</param>
/// <param name="SubjectId">Subject the milestone follows, for example an inspection result id, or null.</param>
public sealed record MilestoneCheck(
    string SetId, int Version, string MilestoneId, string OfficeCode, DateOnly DueDate, string? SubjectId = null)
{
    /// <summary>Key of the filing folder the milestone is measured on.</summary>
    public string FilingKey => Shared.Milestones.MilestonePaths.FilingKey(MilestoneId, SubjectId);
}
