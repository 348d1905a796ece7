namespace Serverless.Workflows.Orchestrations;

/// <summary>Input of the activity that notifies one officer of a draw.</summary>
/// <param name="Draw">The prepared draw.</param>
/// <param name="OfficeCode">Office of the officer.</param>
/// <param name="OfficerId">Officer to notify.</param>
public sealed record NoticeRequest(DrawPreparation Draw, string OfficeCode, string OfficerId);
