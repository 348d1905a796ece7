using Microsoft.DurableTask;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Records;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Runs one campaign like a scheduled draw: prepares it, draws every inspecting office in scope (one activity
/// each, in parallel), adds each record to its office's publication chain, notifies every assigned officer once,
/// then writes the summary. The instance id is the
/// campaign id.
/// </summary>
public sealed class CampaignOrchestrator : TaskOrchestrator<Campaign, DrawSummary>
{
    public override async Task<DrawSummary> RunAsync(TaskOrchestrationContext context, Campaign input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<CampaignOrchestrator>();
        context.SetCustomStatus(new DrawProgress("preparing", 0, 0, 0, 0));

        var draw = await context.CallActivityAsync<DrawPreparation>(
            CampaignTaskNames.PrepareCampaign, input, RetryOptions.Standard);
        CampaignLog.CampaignStarted(logger, input.CampaignId, draw.OfficeCodes.Count);
        var progress = new DrawProgress("drawing", draw.OfficeCodes.Count, 0, 0, 0);
        context.SetCustomStatus(progress);

        var offices = await Task.WhenAll(draw.OfficeCodes.Select(code => context.CallActivityAsync<CampaignOfficeResult>(
            CampaignTaskNames.DrawCampaignOffice, new CampaignOfficeRequest(input, draw, code), RetryOptions.Standard)));
        await Publication.ChainSteps.AppendAsync(context, offices.Select(o => o.Result));
        progress = progress with { Stage = "notifying", OfficesDone = offices.Length, Targets = offices.Sum(o => o.Result.Targets) };
        context.SetCustomStatus(progress);

        var requests = offices
            .Where(o => o.Result.Outcome == OfficeOutcome.Drawn)
            .SelectMany(o => o.Result.OfficerIds.Select(id => new CampaignNoticeRequest(
                input, draw, o.Result.OfficeCode, o.OfficerOffices[id], id, o.OfficerDepartments?.GetValueOrDefault(id))))
            .ToList();
        var outcomes = await Task.WhenAll(requests.Select(request => NotifyAsync(context, request)));

        var byOffice = offices
            .Select(o =>
            {
                var mine = requests
                    .Select((request, i) => (request.OfficeCode, Outcome: outcomes[i]))
                    .Where(n => n.OfficeCode == o.Result.OfficeCode)
                    .Select(n => n.Outcome)
                    .ToList();
                return new OfficeNoticeResult(
                    o.Result,
                    mine.Count(x => x == NoticeOutcome.Sent),
                    mine.Count(x => x == NoticeOutcome.AlreadyHandled),
                    mine.Count(x => x is null));
            })
            .ToList();
        progress = progress with { Stage = "completing", NoticesSent = outcomes.Count(o => o == NoticeOutcome.Sent) };
        context.SetCustomStatus(progress);

        var summary = await context.CallActivityAsync<DrawSummary>(
            TaskNames.CompleteDraw, new DrawCompletion(draw, byOffice), RetryOptions.Standard);
        context.SetCustomStatus(progress with { Stage = "completed" });
        CampaignLog.CampaignCompleted(logger, input.CampaignId, summary.OfficesDrawn, summary.Targets, summary.NoticesSent);
        return summary;
    }

    /// <summary>Sends one notice; returns null when it failed after every retry, leaving it pending in the outbox.</summary>
    private static async Task<NoticeOutcome?> NotifyAsync(TaskOrchestrationContext context, CampaignNoticeRequest request)
    {
        try
        {
            return await context.CallActivityAsync<NoticeOutcome>(
                CampaignTaskNames.SendCampaignNotice, request, RetryOptions.Standard);
        }
        catch (TaskFailedException exception)
        {
            var logger = context.CreateReplaySafeLogger<CampaignOrchestrator>();
            CampaignLog.NoticeFailed(
                logger, request.Campaign.CampaignId, request.OfficerId, exception.FailureDetails.ErrorType);
            return null;
        }
    }
}
