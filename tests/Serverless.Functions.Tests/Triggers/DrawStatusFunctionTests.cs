using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;
using Serverless.Functions.Triggers;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Queries;

namespace Serverless.Functions.Tests.Triggers;

public sealed class DrawStatusFunctionTests
{
    private const string DrawId = "draw-plan-2026-wages-20261201T0100Z";

    private static readonly DateTimeOffset CreatedAt = new(2026, 12, 1, 1, 0, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset UpdatedAt = new(2026, 12, 1, 1, 3, 0, TimeSpan.Zero);

    private readonly Dictionary<string, OrchestrationMetadata> instances = new(StringComparer.Ordinal);
    private readonly List<(string InstanceId, bool WithInputsAndOutputs)> queries = [];
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };

    public DrawStatusFunctionTests()
    {
        // GetInstanceAsync forwards to the abstract GetInstancesAsync, so CallBase plus this setup serves it.
        client
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string instanceId, bool withInputsAndOutputs, CancellationToken _) =>
            {
                queries.Add((instanceId, withInputsAndOutputs));
                return instances.GetValueOrDefault(instanceId);
            });
    }

    [Fact]
    public async Task RunAsync_UnknownId_Returns404Problem()
    {
        var result = await RunAsync(DrawId);

        var notFound = Assert.IsType<NotFoundObjectResult>(result);
        Assert.Equal(404, notFound.StatusCode);
        var problem = Assert.IsType<ProblemDetails>(notFound.Value);
        Assert.Equal(404, problem.Status);
        Assert.Equal("Draw not found", problem.Title);
        Assert.Contains(DrawId, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommitmentInstanceId_Returns404()
    {
        var commitmentId = "commit-plan-2026-wages-20261201T0100Z";
        instances[commitmentId] =
            Instance(commitmentId, TaskNames.CommitmentOrchestrator, OrchestrationRuntimeStatus.Completed);

        var result = await RunAsync(commitmentId);

        Assert.IsType<NotFoundObjectResult>(result);
    }

    [Fact]
    public async Task RunAsync_RunningDraw_Returns200WithProgress()
    {
        var progress = new DrawProgress("drawing", 3, 1, 4, 6);
        instances[DrawId] = Instance(DrawId, TaskNames.DrawOrchestrator, OrchestrationRuntimeStatus.Running, progress);

        var status = StatusOf(await RunAsync(DrawId));

        Assert.Equal(DrawId, status.DrawId);
        Assert.Equal("Running", status.Status);
        Assert.Equal(CreatedAt, status.CreatedAt);
        Assert.Equal(UpdatedAt, status.LastUpdatedAt);
        Assert.Equal(progress, status.Progress);
        Assert.Null(status.Summary);
        Assert.Null(status.Failure);
    }

    [Fact]
    public async Task RunAsync_CompletedDraw_Returns200WithSummary()
    {
        var summary = Summary();
        var progress = new DrawProgress("completed", 2, 2, 5, 7);
        instances[DrawId] =
            Instance(DrawId, TaskNames.DrawOrchestrator, OrchestrationRuntimeStatus.Completed, progress, summary);

        var status = StatusOf(await RunAsync(DrawId));

        Assert.Equal("Completed", status.Status);
        Assert.Equal(progress, status.Progress);
        Assert.NotNull(status.Summary);
        Assert.Equal(summary.DrawId, status.Summary.DrawId);
        Assert.Equal(summary.Slot, status.Summary.Slot);
        Assert.Equal(summary.Targets, status.Summary.Targets);
        Assert.Equal(summary.NoticesSent, status.Summary.NoticesSent);
        Assert.Equal(summary.OfficeResults, status.Summary.OfficeResults);
        Assert.Null(status.Failure);
    }

    [Fact]
    public async Task RunAsync_FailedDraw_Returns200WithFailure()
    {
        var failure = new TaskFailureDetails(
            "System.InvalidOperationException", "The pool hash does not match.", null, null, null);
        instances[DrawId] =
            Instance(DrawId, TaskNames.DrawOrchestrator, OrchestrationRuntimeStatus.Failed, failure: failure);

        var status = StatusOf(await RunAsync(DrawId));

        Assert.Equal("Failed", status.Status);
        Assert.Equal("The pool hash does not match.", status.Failure);
        Assert.Null(status.Summary);
        Assert.Null(status.Progress);
    }

    [Fact]
    public async Task RunAsync_AnyId_ReadsOutputs()
    {
        await RunAsync(DrawId);

        Assert.Equal([(DrawId, true)], queries);
    }

    private Task<IActionResult> RunAsync(string drawId) =>
        DrawStatusFunction.RunAsync(new DefaultHttpContext().Request, drawId, client.Object);

    private static DrawStatus StatusOf(IActionResult result)
    {
        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal(200, ok.StatusCode ?? 200);
        return Assert.IsType<DrawStatus>(ok.Value);
    }

    private static OrchestrationMetadata Instance(
        string instanceId,
        string name,
        OrchestrationRuntimeStatus status,
        DrawProgress? progress = null,
        DrawSummary? output = null,
        TaskFailureDetails? failure = null) =>
        new(name, instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = CreatedAt,
            LastUpdatedAt = UpdatedAt,
            SerializedCustomStatus = progress is null ? null : JsonDataConverter.Default.Serialize(progress),
            SerializedOutput = output is null ? null : JsonDataConverter.Default.Serialize(output),
            FailureDetails = failure,
            DataConverter = JsonDataConverter.Default,
        };

    private static DrawSummary Summary() => new()
    {
        DrawId = DrawId,
        PlanId = "plan-2026-wages",
        Slot = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero),
        Offices = 2,
        OfficesDrawn = 1,
        OfficesRejected = 1,
        PoolSize = 120,
        Targets = 5,
        Assignments = 10,
        NoticesSent = 7,
        NoticesSkipped = 0,
        NoticesFailed = 0,
        SummaryPath = DrawPaths.Summary(DrawId),
        OfficeResults =
        [
            new OfficeSummary("440303", OfficeOutcome.Drawn, 120, 5, DrawPaths.OfficeRecord(DrawId, "440303"), null),
            new OfficeSummary("440304", OfficeOutcome.Rejected, 0, 0, null, "1 target(s) cannot get a full team"),
        ],
    };
}
