using Microsoft.Azure.Functions.Worker;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Activities;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Functions.Activities;

/// <summary>Activity triggers that call the host-independent activity classes from dependency injection.</summary>
public sealed class DrawActivityFunctions(
    PrepareDrawActivity prepare,
    CommitSeedActivity commit,
    DrawOfficeActivity drawOffice,
    SendDrawNoticeActivity sendNotice,
    CompleteDrawActivity complete)
{
    [Function(TaskNames.PrepareDraw)]
    public Task<DrawPreparation> PrepareDraw([ActivityTrigger] DrawRequest input, FunctionContext context) =>
        prepare.ExecuteAsync(input, CancellationOf(context));

    [Function(TaskNames.CommitSeed)]
    public Task<CommitmentResult> CommitSeed([ActivityTrigger] CommitmentRequest input, FunctionContext context) =>
        commit.ExecuteAsync(input, CancellationOf(context));

    [Function(TaskNames.DrawOffice)]
    public Task<OfficeDrawResult> DrawOffice([ActivityTrigger] OfficeDrawRequest input, FunctionContext context) =>
        drawOffice.ExecuteAsync(input, CancellationOf(context));

    [Function(TaskNames.SendDrawNotice)]
    public Task<NoticeOutcome> SendDrawNotice([ActivityTrigger] NoticeRequest input, FunctionContext context) =>
        sendNotice.ExecuteAsync(input, CancellationOf(context));

    [Function(TaskNames.CompleteDraw)]
    public Task<DrawSummary> CompleteDraw([ActivityTrigger] DrawCompletion input, FunctionContext context) =>
        complete.ExecuteAsync(input, CancellationOf(context));

    private static CancellationToken CancellationOf(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CancellationToken;
    }
}
