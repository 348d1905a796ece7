using Microsoft.DurableTask;
using Serverless.Shared.Records;
using Serverless.Workflows.Logging;
using Serverless.Workflows.Publication;

namespace Serverless.Workflows.Orchestrations;

/// <summary>
/// Runs one scheduled draw: prepares it, draws every inspecting office (one activity each, in parallel),
/// notifies every assigned officer once (one activity each, in parallel), then writes the summary. The
/// instance id is the draw id, so one plan slot is one instance.
/// </summary>
/// <remarks>
/// Offices are activities rather than sub-orchestrations: the self-host's gRPC sidecar passes sub-orchestration
/// tags to the Azure Storage backend in a form that backend cannot read back.
/// </remarks>
public sealed class DrawOrchestrator : TaskOrchestrator<DrawRequest, DrawSummary>
{
    /// <summary>Number of parallel tasks observed between two custom status updates.</summary>
    private const int ProgressStep = 50;

    public override async Task<DrawSummary> RunAsync(TaskOrchestrationContext context, DrawRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<DrawOrchestrator>();
        context.SetCustomStatus(new DrawProgress("preparing", 0, 0, 0, 0));

        var draw = await context.CallActivityAsync<DrawPreparation>(TaskNames.PrepareDraw, input, RetryOptions.Standard);
        WorkflowLog.DrawStarted(logger, draw.DrawId, draw.OfficeCodes.Count);

        var progress = new DrawProgress("drawing", draw.OfficeCodes.Count, 0, 0, 0);
        context.SetCustomStatus(progress);
        var drawing = draw.OfficeCodes
            .Select(code => context.CallActivityAsync<OfficeDrawResult>(
                TaskNames.DrawOffice, new OfficeDrawRequest(draw, code), RetryOptions.Standard))
            .ToList();
        var offices = new List<OfficeDrawResult>(drawing.Count);
        foreach (var chunk in drawing.Chunk(ProgressStep))
        {
            offices.AddRange(await Task.WhenAll(chunk));
            progress = progress with { OfficesDone = offices.Count, Targets = offices.Sum(o => o.Targets) };
            context.SetCustomStatus(progress);
        }

        await Publication.ChainSteps.AppendAsync(context, offices);

        foreach (var office in offices.Where(o => o.Outcome != OfficeOutcome.Drawn))
        {
            WorkflowLog.OfficeNotDrawn(logger, draw.DrawId, office.OfficeCode, office.Outcome);
        }

        progress = progress with { Stage = "notifying" };
        context.SetCustomStatus(progress);
        var notices = offices
            .Where(o => o.Outcome == OfficeOutcome.Drawn)
            .SelectMany(o => o.OfficerIds.Select(id => new NoticeRequest(draw, o.OfficeCode, id)))
            .Select(request => (request.OfficeCode, Outcome: NotifyAsync(context, request)))
            .ToList();
        var outcomes = new List<(string OfficeCode, NoticeOutcome? Outcome)>(notices.Count);
        foreach (var chunk in notices.Chunk(ProgressStep))
        {
            var results = await Task.WhenAll(chunk.Select(n => n.Outcome));
            outcomes.AddRange(chunk.Select((n, i) => (n.OfficeCode, results[i])));
            progress = progress with { NoticesSent = outcomes.Count(o => o.Outcome == NoticeOutcome.Sent) };
            context.SetCustomStatus(progress);
        }

        var byOffice = offices
            .Select(o =>
            {
                var mine = outcomes.Where(n => n.OfficeCode == o.OfficeCode).Select(n => n.Outcome).ToList();
                return new OfficeNoticeResult(
                    o,
                    mine.Count(x => x == NoticeOutcome.Sent),
                    mine.Count(x => x == NoticeOutcome.AlreadyHandled),
                    mine.Count(x => x is null));
            })
            .ToList();

        context.SetCustomStatus(progress with { Stage = "completing" });
        var summary = await context.CallActivityAsync<DrawSummary>(
            TaskNames.CompleteDraw, new DrawCompletion(draw, byOffice), RetryOptions.Standard);
        context.SetCustomStatus(progress with { Stage = "completed" });
        WorkflowLog.DrawCompleted(
            logger, draw.DrawId, summary.OfficesDrawn, summary.OfficesRejected, summary.Targets, summary.NoticesSent);
        return summary;
    }

    /// <summary>Sends one notice; returns null when it failed after every retry.</summary>
    private static async Task<NoticeOutcome?> NotifyAsync(TaskOrchestrationContext context, NoticeRequest request)
    {
        try
        {
            return await context.CallActivityAsync<NoticeOutcome>(TaskNames.SendDrawNotice, request, RetryOptions.Standard);
        }
        catch (TaskFailedException exception)
        {
            // The notice stays pending in the outbox, so a later run of the same draw can still send it.
            var logger = context.CreateReplaySafeLogger<DrawOrchestrator>();
            WorkflowLog.NoticeFailed(logger, request.Draw.DrawId, request.OfficerId, exception.FailureDetails.ErrorType);
            return null;
        }
    }
}
