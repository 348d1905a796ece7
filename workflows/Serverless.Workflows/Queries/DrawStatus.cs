using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Queries;

/// <summary>The state of a draw as the HTTP API returns it.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="Status">Runtime status of the orchestration, for example Running or Completed.</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When the instance last changed.</param>
/// <param name="Progress">Counts while it runs.</param>
/// <param name="Summary">The summary once it has completed.</param>
/// <param name="Failure">The error message when it failed.</param>
public sealed record DrawStatus(
    string DrawId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    DrawProgress? Progress,
    DrawSummary? Summary,
    string? Failure);
