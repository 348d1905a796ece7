namespace Serverless.Shared.Storage;

/// <summary>One officer's assignment to one target of a draw, as stored for queries.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="OfficeCode">Drawing office.</param>
/// <param name="OfficerId">Assigned officer.</param>
/// <param name="CreditCode">Target employer.</param>
/// <param name="EmployerName">Target employer's registered name.</param>
/// <param name="IsLeader">True for the team leader.</param>
/// <param name="TeamOfficerIds">The whole team, leader first.</param>
/// <param name="ItemCodes">Items to inspect.</param>
/// <param name="DrawnOn">Draw date in China Standard Time.</param>
/// <param name="Deadline">Last day of the inspection.</param>
public sealed record Assignment(
    string DrawId,
    string OfficeCode,
    string OfficerId,
    string CreditCode,
    string EmployerName,
    bool IsLeader,
    IReadOnlyList<string> TeamOfficerIds,
    IReadOnlyList<string> ItemCodes,
    DateOnly DrawnOn,
    DateOnly Deadline);
