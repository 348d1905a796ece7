namespace Serverless.Workflows.Orchestrations;

/// <summary>The public part of a commitment.</summary>
/// <param name="SeedSha256">SHA-256 of the secret seed.</param>
/// <param name="Offices">Number of offices whose pools were frozen.</param>
/// <param name="CommittedAt">When the commitment was stored.</param>
public sealed record CommitmentResult(string SeedSha256, int Offices, DateTimeOffset CommittedAt);
