using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Moq;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;
using Serverless.Workflows.Scheduling;
using Serverless.Workflows.Tests.Logging;

namespace Serverless.Workflows.Tests.Scheduling;

public sealed class DrawSchedulerTests : IDisposable
{
    private const string NineOnFirst = "0 9 1 * *";

    private static readonly DateTimeOffset November = Utc(2026, 11, 1, 1, 0);
    private static readonly DateTimeOffset December = Utc(2026, 12, 1, 1, 0);

    private readonly List<DrawPlan> plans = [];
    private readonly Dictionary<string, BinaryData> blobs = new(StringComparer.Ordinal);
    private readonly HashSet<string> instances = new(StringComparer.Ordinal);
    private readonly List<StartedInstance> starts = [];
    private readonly Mock<IRegistryStore> registry = new(MockBehavior.Strict);
    private readonly Mock<IRecordStore> records = new(MockBehavior.Strict);
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly RecordingLoggerFactory logs = new();
    private readonly DrawScheduler scheduler;

    public DrawSchedulerTests()
    {
        registry.Setup(r => r.ListPlansAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => [.. plans]);
        records
            .Setup(r => r.TryWriteOnceAsync(
                It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string path, BinaryData content, string _, CancellationToken _) =>
                blobs.TryAdd(path, content));
        records
            .Setup(r => r.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string path, CancellationToken _) => blobs.GetValueOrDefault(path));

        // GetInstanceAsync is virtual and forwards to the abstract GetInstancesAsync, so CallBase serves it from
        // this setup. The ScheduleNewOrchestrationInstanceAsync overload that takes options is abstract itself.
        client
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string instanceId, bool _, CancellationToken _) => instances.Contains(instanceId)
                ? new OrchestrationMetadata(TaskNames.DrawOrchestrator, instanceId)
                : null);
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(),
                It.IsAny<object?>(),
                It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                var instanceId = options?.InstanceId ?? throw new InvalidOperationException("No instance id given.");
                instances.Add(instanceId);
                starts.Add(new StartedInstance(name.Name, instanceId, input));
                return instanceId;
            });

        var logger = new Logger<DrawScheduler>(logs);
        scheduler = new DrawScheduler(registry.Object, records.Object, new SchedulerOptions(), logger);
    }

    public void Dispose() => logs.Dispose();

    [Fact]
    public async Task TickAsync_DueSlot_StartsOneDrawInstance()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        await TickAsync(Utc(2026, 11, 20, 0, 0));

        var started = await TickAsync(December.AddSeconds(30));

        var expectedId = DrawPaths.DrawId("plan-a", December);
        Assert.Equal([expectedId], started);
        var start = Assert.Single(starts);
        Assert.Equal(TaskNames.DrawOrchestrator, start.Name);
        Assert.Equal(expectedId, start.InstanceId);
        Assert.Equal(new DrawRequest("plan-a", December), start.Input);
    }

    [Fact]
    public async Task TickAsync_SecondTickAfterSlot_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        await TickAsync(Utc(2026, 11, 20, 0, 0));
        await TickAsync(December.AddSeconds(30));

        var started = await TickAsync(December.AddMinutes(1));

        Assert.Empty(started);
        Assert.Single(starts);
    }

    [Fact]
    public async Task TickAsync_InstanceExists_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        instances.Add(DrawPaths.DrawId("plan-a", December));
        await TickAsync(Utc(2026, 11, 20, 0, 0));

        var started = await TickAsync(December.AddSeconds(30));

        Assert.Empty(started);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task TickAsync_StartClaimedByOtherHost_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        var drawId = DrawPaths.DrawId("plan-a", December);
        blobs[$"private/starts/{drawId}.0.txt"] = BinaryData.FromString(DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        await TickAsync(Utc(2026, 11, 20, 0, 0));

        var started = await TickAsync(December.AddSeconds(30));

        Assert.Empty(started);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task TickAsync_StaleStartClaim_TakesOverOnce()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        var drawId = DrawPaths.DrawId("plan-a", December);
        var stale = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("o", CultureInfo.InvariantCulture);
        blobs[$"private/starts/{drawId}.0.txt"] = BinaryData.FromString(stale);
        await TickAsync(Utc(2026, 11, 20, 0, 0));

        var started = await TickAsync(December.AddSeconds(30));
        var again = await TickAsync(December.AddSeconds(40));

        Assert.Equal([drawId], started);
        Assert.Empty(again);
        Assert.Single(starts);
        Assert.True(blobs.ContainsKey($"private/starts/{drawId}.1.txt"));
    }

    [Fact]
    public async Task TickAsync_SlotBeforeFirstSeen_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));

        var first = await TickAsync(December.AddSeconds(30));
        var second = await TickAsync(December.AddMinutes(5));

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task TickAsync_MissedSlotInWindow_StartsIt()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        await TickAsync(Utc(2026, 9, 15, 0, 0));

        // 31 days before 3 December 00:00 UTC is 2 November, so only the December slot is in the window.
        var started = await TickAsync(Utc(2026, 12, 3, 0, 0));

        Assert.Equal([DrawPaths.DrawId("plan-a", December)], started);
        Assert.DoesNotContain(starts, start => start.InstanceId == DrawPaths.DrawId("plan-a", November));
    }

    [Fact]
    public async Task TickAsync_MissedDailySlots_StartsEach()
    {
        plans.Add(Plan("plan-a", "0 9 * * *", "operator source"));
        await TickAsync(Utc(2026, 12, 1, 0, 0));

        var started = await TickAsync(Utc(2026, 12, 3, 2, 0));

        Assert.Equal(
            [
                DrawPaths.DrawId("plan-a", December),
                DrawPaths.DrawId("plan-a", Utc(2026, 12, 2, 1, 0)),
                DrawPaths.DrawId("plan-a", Utc(2026, 12, 3, 1, 0)),
            ],
            started);
    }

    [Theory]
    [InlineData(47)]
    [InlineData(48)]
    public async Task TickAsync_NoSourcesWithinLead_StartsCommitment(int hoursBefore)
    {
        plans.Add(Plan("plan-a", NineOnFirst));

        var started = await TickAsync(December.AddHours(-hoursBefore));

        var expectedId = DrawPaths.CommitmentInstanceId("plan-a", December);
        Assert.Equal([expectedId], started);
        var start = Assert.Single(starts);
        Assert.Equal(TaskNames.CommitmentOrchestrator, start.Name);
        Assert.Equal(expectedId, start.InstanceId);
        Assert.Equal(new CommitmentRequest("plan-a", December), start.Input);
    }

    [Fact]
    public async Task TickAsync_NoSourcesBeforeLead_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst));

        var started = await TickAsync(December.AddHours(-49));

        Assert.Empty(started);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task TickAsync_SourcesWithinLead_StartsNoCommitment()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));

        var started = await TickAsync(December.AddHours(-47));

        Assert.Empty(started);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task TickAsync_CommitmentExists_StartsNothing()
    {
        plans.Add(Plan("plan-a", NineOnFirst));
        await TickAsync(December.AddHours(-47));

        var started = await TickAsync(December.AddHours(-46));

        Assert.Empty(started);
        Assert.Single(starts);
    }

    [Fact]
    public async Task TickAsync_InvalidSchedule_OtherPlansStart()
    {
        plans.Add(Plan("plan-broken", "every day at nine", "operator source"));
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        await TickAsync(Utc(2026, 11, 20, 0, 0));

        var started = await TickAsync(December.AddSeconds(30));

        Assert.Equal([DrawPaths.DrawId("plan-a", December)], started);
    }

    [Fact]
    public async Task TickAsync_InvalidSchedule_LogsError()
    {
        plans.Add(Plan("plan-broken", "every day at nine", "operator source"));

        await TickAsync(December);

        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Equal(1202, entry.EventId);
        Assert.Contains("plan-broken", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickAsync_StoreFails_OtherPlansStart()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        plans.Add(Plan("plan-b", NineOnFirst, "operator source"));
        await TickAsync(Utc(2026, 11, 20, 0, 0));
        records
            .Setup(r => r.ReadAsync("private/schedule/plan-a.txt", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("storage unavailable"));

        var started = await TickAsync(December.AddSeconds(30));

        Assert.Equal([DrawPaths.DrawId("plan-b", December)], started);
    }

    // NOTE: fails against the current DrawScheduler. A tick time before the stored first-seen time happens when
    // another host's clock runs ahead. PlanSchedule.SlotsBetween then passes Cronos a start after its end, and
    // Cronos throws ArgumentException. The plan is logged as failed and skipped for that tick, commitment too.
    [Fact]
    public async Task TickAsync_BeforeFirstSeen_LogsNoError()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        await TickAsync(December.AddMinutes(-1));

        await TickAsync(December.AddMinutes(-1).AddSeconds(-1));

        Assert.DoesNotContain(logs.Entries, entry => entry.Level == LogLevel.Error);
    }

    [Fact]
    public async Task TickAsync_Cancelled_Throws()
    {
        plans.Add(Plan("plan-a", NineOnFirst, "operator source"));
        records
            .Setup(r => r.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => TickAsync(December));
    }

    private Task<IReadOnlyList<string>> TickAsync(DateTimeOffset now) =>
        scheduler.TickAsync(client.Object, now, CancellationToken.None);

    private static DrawPlan Plan(string planId, string schedule, params string[] entropySources) => new(
        planId,
        "工资支付专项抽查",
        "440300",
        ["440300"],
        ["wages"],
        schedule,
        new TargetRule(),
        12,
        2,
        null,
        30,
        entropySources);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private sealed record StartedInstance(string Name, string InstanceId, object? Input);
}
