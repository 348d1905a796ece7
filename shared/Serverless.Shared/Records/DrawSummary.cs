namespace Serverless.Shared.Records;

/// <summary>Summary of a whole draw over every office in a plan's scope.</summary>
public sealed record DrawSummary
{
    public required string DrawId { get; init; }

    public required string PlanId { get; init; }

    public required DateTimeOffset Slot { get; init; }

    public required int Offices { get; init; }

    public required int OfficesDrawn { get; init; }

    public required int OfficesRejected { get; init; }

    public required int PoolSize { get; init; }

    public required int Targets { get; init; }

    public required int Assignments { get; init; }

    public required int NoticesSent { get; init; }

    public required int NoticesSkipped { get; init; }

    public required int NoticesFailed { get; init; }

    public required string SummaryPath { get; init; }

    public required IReadOnlyList<OfficeSummary> OfficeResults { get; init; }
}

/// <summary>One office's line of a draw summary.</summary>
/// <param name="OfficeCode">Office code.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="PoolSize">Employers in the pool.</param>
/// <param name="Targets">Targets drawn.</param>
/// <param name="RecordPath">Blob path of the office record, or null when none was written.</param>
/// <param name="Problem">Why the office was rejected, or null.</param>
public sealed record OfficeSummary(
    string OfficeCode, OfficeOutcome Outcome, int PoolSize, int Targets, string? RecordPath, string? Problem);
