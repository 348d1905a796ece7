using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Serverless.Host.Hosting;
using Serverless.Shared.Data;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Records;
using Serverless.Workflows;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Scheduling;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>
/// Wall time of the draw, of the no-op orchestration of the same width, what the draw did, and when the status
/// polls first saw each stage of the draw.
/// </summary>
internal sealed record DrawFigures(
    TimeSpan Draw, TimeSpan NoOp, DrawSummary Summary, NoOpFanOutRequest Width, int NoticeFiles,
    IReadOnlyList<(string Stage, TimeSpan At)> Stages);

/// <summary>
/// Runs a scheduled draw on the self-host (the durable engine on its Azure Storage backend over Azurite, notices
/// as .eml files), then the <see cref="NoOpFanOutOrchestrator"/> with the same fan-out width on the same engine.
/// </summary>
internal static class ProvinceDrawComparison
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Seeds the bundled offices, items and plans with a registry generated at the given size, draws the
    /// province plan's latest slot (or only <paramref name="cityCode"/> when given) and then the no-op.
    /// </summary>
    public static async Task<DrawFigures> RunAsync(
        string connectionString, string workDirectory, int employerCount, int officerCount, string? cityCode,
        CancellationToken cancellationToken)
    {
        var data = BundledData.Load(BundledData.FindDefaultDirectory());
        var noticeFolder = Path.Combine(workDirectory, "notices");
        var settings = new HostSettings(
            connectionString, workDirectory, noticeFolder, new SmtpOptions().WithDefaultSender(), "BenchmarkHub",
            "http://127.0.0.1:0", "0 */1 * * * *", "draw");
        await using var runtime = await HostRuntime.StartAsync(
            settings, serve: false, LogLevel.Warning, cancellationToken, registerMoreTasks: NoOpFanOutOrchestrator.Register);

        var plan = data.Plans.Single(p => p.PlanId == "gd-monthly");
        if (cityCode is not null)
        {
            plan = plan with { PlanId = "benchmark-" + cityCode, OfficeCodes = [cityCode] };
        }

        var slot = new PlanSchedule(plan.Schedule).LatestAtOrBefore(DateTimeOffset.UtcNow, TimeSpan.FromDays(400))
            ?? throw new InvalidOperationException($"Plan {plan.PlanId} had no slot in the last 400 days.");
        var people = RegistryGenerator.Generate(
            data.Offices, data.Items, new RegistryParameters(20261201, employerCount, officerCount, ChinaTime.DateOf(slot)));
        await DataSeeder.SeedAsync(runtime.Storage.Registry, data, people, null, cancellationToken);
        await runtime.Storage.Registry.UpsertPlanAsync(plan, cancellationToken);

        var drawId = DrawPaths.DrawId(plan.PlanId, slot);
        var stages = new List<(string Stage, TimeSpan At)>();
        var (drawTime, drawState) = await RunToCompletionAsync(
            runtime.Client, TaskNames.DrawOrchestrator, new DrawRequest(plan.PlanId, slot), drawId,
            (state, elapsed) => NoteStage(stages, state, elapsed), cancellationToken);
        var summary = drawState.ReadOutputAs<DrawSummary>()
            ?? throw new InvalidOperationException($"Draw {drawId} completed without a summary.");

        var width = new NoOpFanOutRequest(
            summary.OfficesDrawn, summary.OfficesDrawn,
            summary.NoticesSent + summary.NoticesSkipped + summary.NoticesFailed);
        var (noOpTime, _) = await RunToCompletionAsync(
            runtime.Client, NoOpFanOutOrchestrator.Name, width, "noop-" + drawId, (_, _) => { }, cancellationToken);

        var noticeFiles = Directory.Exists(noticeFolder) ? Directory.GetFiles(noticeFolder, "*.eml").Length : 0;
        return new DrawFigures(drawTime, noOpTime, summary, width, noticeFiles, stages);
    }

    /// <summary>
    /// Adds the draw's stage when a poll reads it for the first time. The chaining of records runs inside the drawing stage, after
    /// every office is done, so it is noted apart as "chaining".
    /// </summary>
    private static void NoteStage(List<(string Stage, TimeSpan At)> stages, OrchestrationMetadata state, TimeSpan elapsed)
    {
        var progress = state.ReadCustomStatusAs<DrawProgress>();
        if (progress is null)
        {
            return;
        }

        var stage = progress.Stage == "drawing" && progress.Offices > 0 && progress.OfficesDone == progress.Offices
            ? "chaining"
            : progress.Stage;
        if (stages.Count == 0 || stages[^1].Stage != stage)
        {
            stages.Add((stage, elapsed));
        }
    }

    /// <summary>Schedules an instance and polls until it completes. Raises when it fails or is terminated.</summary>
    private static async Task<(TimeSpan Elapsed, OrchestrationMetadata State)> RunToCompletionAsync(
        DurableTaskClient client, string orchestrator, object input, string instanceId,
        Action<OrchestrationMetadata, TimeSpan> observe, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await client.ScheduleNewOrchestrationInstanceAsync(
            orchestrator, input, new StartOrchestrationOptions(instanceId), cancellationToken);
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken)
                ?? throw new InvalidOperationException($"Instance {instanceId} was scheduled but is not found.");
            observe(state, watch.Elapsed);
            switch (state.RuntimeStatus)
            {
                case OrchestrationRuntimeStatus.Completed:
                    return (watch.Elapsed, state);
                case OrchestrationRuntimeStatus.Failed:
                case OrchestrationRuntimeStatus.Terminated:
                    throw new InvalidOperationException(
                        $"Instance {instanceId} {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
