namespace Serverless.Http.Milestones;

/// <summary>Response to a posted milestone set.</summary>
/// <param name="SetId">Set id.</param>
/// <param name="Version">Stored version.</param>
/// <param name="InstancesStarted">Number of milestone orchestrations started.</param>
public sealed record MilestoneSetPosted(string SetId, int Version, int InstancesStarted);
