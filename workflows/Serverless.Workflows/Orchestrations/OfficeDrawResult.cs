using Serverless.Shared.Records;

namespace Serverless.Workflows.Orchestrations;

/// <summary>Result of one office's draw: counts and the officers to notify, never the targets themselves.</summary>
/// <param name="OfficeCode">Drawing office.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="PoolSize">Employers in the pool.</param>
/// <param name="Targets">Targets drawn.</param>
/// <param name="Assignments">Officer assignments written.</param>
/// <param name="OfficerIds">Officers to notify, in ordinal order.</param>
/// <param name="RecordPath">Blob path of the office record, or null.</param>
/// <param name="Problem">Why the office was rejected, or null.</param>
public sealed record OfficeDrawResult(
    string OfficeCode,
    OfficeOutcome Outcome,
    int PoolSize,
    int Targets,
    int Assignments,
    IReadOnlyList<string> OfficerIds,
    string? RecordPath,
    string? Problem);
