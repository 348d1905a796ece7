using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Tests.Orchestrations;

/// <summary>Inputs and activity results of the orchestrator tests.</summary>
internal static class OrchestrationSamples
{
    public const string PlanId = "plan-2026-wages";

    /// <summary>09:00 on 1 December 2026 in China Standard Time.</summary>
    public static DateTimeOffset Slot { get; } = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    public static DrawRequest Request { get; } = new(PlanId, Slot);

    public static DrawPreparation Preparation(params string[] officeCodes) => new(
        DrawPaths.DrawId(PlanId, Slot),
        PlanId,
        Slot,
        officeCodes,
        ["operator source"],
        null,
        null,
        false,
        new DateOnly(2026, 12, 1),
        new DateOnly(2026, 12, 31));

    public static OfficeDrawResult Drawn(string officeCode, int targets, params string[] officerIds) => new(
        officeCode,
        OfficeOutcome.Drawn,
        targets * 20,
        targets,
        targets * 2,
        officerIds,
        DrawPaths.OfficeRecord(DrawPaths.DrawId(PlanId, Slot), officeCode),
        null);

    public static OfficeDrawResult NotDrawn(string officeCode, OfficeOutcome outcome) => new(
        officeCode,
        outcome,
        0,
        0,
        0,
        [],
        null,
        outcome == OfficeOutcome.EmptyPool ? "the pool is empty" : "a target has too few eligible officers");

    /// <summary>
    /// Creates <paramref name="count"/> officer ids of the form officer-NNN, numbered from <paramref name="first"/>.
    /// </summary>
    public static string[] OfficerIds(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(number => $"officer-{number:D3}")];

    public static DrawSummary Summary(DrawPreparation draw, int noticesSent) => new()
    {
        DrawId = draw.DrawId,
        PlanId = draw.PlanId,
        Slot = draw.Slot,
        Offices = draw.OfficeCodes.Count,
        OfficesDrawn = draw.OfficeCodes.Count,
        OfficesRejected = 0,
        PoolSize = 0,
        Targets = 0,
        Assignments = 0,
        NoticesSent = noticesSent,
        NoticesSkipped = 0,
        NoticesFailed = 0,
        SummaryPath = DrawPaths.Summary(draw.DrawId),
        OfficeResults = [],
    };
}
