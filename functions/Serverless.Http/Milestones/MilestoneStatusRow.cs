namespace Serverless.Http.Milestones;

/// <summary>One office's state on one milestone.</summary>
/// <param name="OfficeCode">Office code.</param>
/// <param name="OfficeName">Office name.</param>
/// <param name="MilestoneId">Milestone id.</param>
/// <param name="MilestoneName">Milestone name.</param>
/// <param name="DueDate">Due date.</param>
/// <param name="State">State on the report date.</param>
/// <param name="DaysLate">Days after the due date when overdue, else 0.</param>
/// <param name="ReviewerOfficeCode">Office that acknowledges a filing milestone, else null.</param>
/// <param name="Missing">What is still missing, or empty when done.</param>
public sealed record MilestoneStatusRow(
    string OfficeCode,
    string OfficeName,
    string MilestoneId,
    string MilestoneName,
    DateOnly DueDate,
    MilestoneState State,
    int DaysLate,
    string? ReviewerOfficeCode,
    string Missing);
