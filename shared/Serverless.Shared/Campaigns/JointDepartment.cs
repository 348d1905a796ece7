namespace Serverless.Shared.Campaigns;

/// <summary>A department taking part in a joint campaign and how many of its officers join each team.</summary>
/// <param name="Code">Department code, as stored in the department store.</param>
/// <param name="OfficersPerTarget">Officers of this department on each joint team, at least 1.</param>
public sealed record JointDepartment(string Code, int OfficersPerTarget);
