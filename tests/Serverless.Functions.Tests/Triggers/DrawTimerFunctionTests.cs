using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Serverless.Functions.Triggers;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows;
using Serverless.Workflows.Scheduling;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Runs the timer function over a real <see cref="DrawScheduler"/> with mocked stores and client. The dates
/// lie in 2030, far from the machine clock, so a tick that read the system clock would start nothing.
/// </summary>
public sealed class DrawTimerFunctionTests
{
    private const string PlanId = "plan-2030-wages";

    private static readonly DateTimeOffset Slot = new(2030, 6, 1, 1, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, BinaryData> blobs = new(StringComparer.Ordinal);
    private readonly List<(string Name, string? InstanceId)> starts = [];
    private readonly List<CancellationToken> storeTokens = [];
    private readonly Mock<IRegistryStore> registry = new(MockBehavior.Strict);
    private readonly Mock<IRecordStore> records = new(MockBehavior.Strict);
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly ManualTimeProvider clock = new(Slot.AddDays(-12));
    private readonly DrawTimerFunction function;

    public DrawTimerFunctionTests()
    {
        var plan = new DrawPlan(
            PlanId,
            "工资支付专项抽查",
            "440300",
            ["440300"],
            ["wages"],
            "0 9 1 * *",
            new TargetRule(),
            12,
            2,
            null,
            30,
            ["operator source"]);
        registry
            .Setup(r => r.ListPlansAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync((CancellationToken token) =>
            {
                storeTokens.Add(token);
                return [plan];
            });
        records
            .Setup(r => r.TryWriteOnceAsync(
                It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string path, BinaryData content, string _, CancellationToken _) =>
                blobs.TryAdd(path, content));
        records
            .Setup(r => r.ReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string path, CancellationToken _) => blobs.GetValueOrDefault(path));

        // GetInstanceAsync forwards to the abstract GetInstancesAsync, so CallBase plus this setup serves it.
        client
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(),
                It.IsAny<object?>(),
                It.IsAny<StartOrchestrationOptions?>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? _, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                starts.Add((name.Name, options?.InstanceId));
                return options?.InstanceId ?? "";
            });

        var scheduler = new DrawScheduler(
            registry.Object, records.Object, new SchedulerOptions(), NullLogger<DrawScheduler>.Instance);
        function = new DrawTimerFunction(scheduler, clock);
    }

    [Fact]
    public async Task RunAsync_ClockAfterSlot_StartsDraw()
    {
        await RunAsync();
        clock.Now = Slot.AddSeconds(30);

        await RunAsync();

        var start = Assert.Single(starts);
        Assert.Equal(TaskNames.DrawOrchestrator, start.Name);
        Assert.Equal(DrawPaths.DrawId(PlanId, Slot), start.InstanceId);
    }

    [Fact]
    public async Task RunAsync_ClockBeforeSlot_StartsNothing()
    {
        await RunAsync();
        clock.Now = Slot.AddSeconds(-30);

        await RunAsync();

        Assert.Empty(starts);
    }

    [Fact]
    public async Task RunAsync_FirstTick_StoresClockTime()
    {
        await RunAsync();

        var stored = Assert.Single(blobs).Value.ToString();
        Assert.Equal(Slot.AddDays(-12), DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunAsync_Context_PassesCancellationToken()
    {
        using var cancellation = new CancellationTokenSource();

        await RunAsync(cancellation.Token);

        Assert.Equal([cancellation.Token], storeTokens);
    }

    [Fact]
    public async Task RunAsync_NullContext_Throws()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => function.RunAsync(new TimerInfo(), client.Object, null!));
    }

    private Task RunAsync(CancellationToken cancellationToken = default)
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.CancellationToken).Returns(cancellationToken);
        return function.RunAsync(new TimerInfo(), client.Object, context.Object);
    }
}
