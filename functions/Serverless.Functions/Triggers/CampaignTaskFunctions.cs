using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Records;
using Serverless.Workflows.Campaigns;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Functions.Triggers;

/// <summary>The campaign orchestration and activity triggers, handing each call to the host-independent classes.</summary>
public sealed class CampaignTaskFunctions(
    PrepareCampaignActivity prepare, DrawCampaignOfficeActivity drawOffice, SendCampaignNoticeActivity sendNotice)
{
    [Function(CampaignTaskNames.CampaignOrchestrator)]
    public static Task<DrawSummary> RunCampaign([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CampaignOrchestrator().RunAsync(context, context.GetInput<Campaign>()!);
    }

    [Function(CampaignTaskNames.PrepareCampaign)]
    public Task<DrawPreparation> PrepareCampaign([ActivityTrigger] Campaign input, FunctionContext context) =>
        prepare.ExecuteAsync(input, CancellationOf(context));

    [Function(CampaignTaskNames.DrawCampaignOffice)]
    public Task<CampaignOfficeResult> DrawCampaignOffice(
        [ActivityTrigger] CampaignOfficeRequest input, FunctionContext context) =>
        drawOffice.ExecuteAsync(input, CancellationOf(context));

    [Function(CampaignTaskNames.SendCampaignNotice)]
    public Task<NoticeOutcome> SendCampaignNotice([ActivityTrigger] CampaignNoticeRequest input, FunctionContext context) =>
        sendNotice.ExecuteAsync(input, CancellationOf(context));

    private static CancellationToken CancellationOf(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CancellationToken;
    }
}
