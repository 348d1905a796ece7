using Microsoft.DurableTask;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Activities;

/// <summary>Writes the summary of a whole draw once and returns the stored one.</summary>
public sealed class CompleteDrawActivity(IRecordStore records) : TaskActivity<DrawCompletion, DrawSummary>
{
    public override Task<DrawSummary> RunAsync(TaskActivityContext context, DrawCompletion input) => ExecuteAsync(input);

    public async Task<DrawSummary> ExecuteAsync(DrawCompletion input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draw = input.Draw;
        var path = DrawPaths.Summary(draw.DrawId);
        var offices = input.Offices
            .Select(o => new OfficeSummary(o.Draw.OfficeCode, o.Draw.Outcome, o.Draw.PoolSize, o.Draw.Targets, o.Draw.RecordPath, o.Draw.Problem))
            .ToList();

        var summary = new DrawSummary
        {
            DrawId = draw.DrawId,
            PlanId = draw.PlanId,
            Slot = draw.Slot,
            Offices = offices.Count,
            OfficesDrawn = offices.Count(o => o.Outcome == OfficeOutcome.Drawn),
            OfficesRejected = offices.Count(o => o.Outcome == OfficeOutcome.Rejected),
            PoolSize = offices.Sum(o => o.PoolSize),
            Targets = offices.Sum(o => o.Targets),
            Assignments = input.Offices.Sum(o => o.Draw.Assignments),
            NoticesSent = input.Offices.Sum(o => o.NoticesSent),
            NoticesSkipped = input.Offices.Sum(o => o.NoticesSkipped),
            NoticesFailed = input.Offices.Sum(o => o.NoticesFailed),
            SummaryPath = path,
            OfficeResults = offices,
        };

        if (await records.TryWriteOnceAsync(path, RecordJson.Serialize(summary), "application/json", cancellationToken))
        {
            return summary;
        }

        var stored = await records.ReadAsync(path, cancellationToken);
        return stored is null ? summary : RecordJson.Deserialize<DrawSummary>(stored);
    }
}
