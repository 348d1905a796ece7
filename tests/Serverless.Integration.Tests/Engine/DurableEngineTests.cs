using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Serverless.Integration.Tests.Infrastructure;

namespace Serverless.Integration.Tests.Engine;

[Collection(AzuriteCollection.Name)]
public sealed class DurableEngineTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task FanOut_TwentyActivitiesAndTimer_ReturnsSum()
    {
        await using var engine = await EngineApp.StartAsync(azurite.ConnectionString, EngineApp.NewTaskHubName());

        var instanceId = await engine.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(FanOutOrchestrator), 20);
        var result = await engine.WaitForCompletionAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2870, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Schedule_DuplicateIdWithDedupe_RunsOnce()
    {
        await using var engine = await EngineApp.StartAsync(azurite.ConnectionString, EngineApp.NewTaskHubName());
        var instanceId = "once-" + Guid.NewGuid().ToString("N");
        var start = new StartOrchestrationOptions(instanceId).WithDedupeStatuses(
            OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running,
            OrchestrationRuntimeStatus.Completed);

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), 2, start);
        await engine.Client.WaitForInstanceStartAsync(instanceId);
        var second = await Record.ExceptionAsync(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), 2, start));
        var result = await engine.WaitForCompletionAsync(instanceId);

        Assert.IsType<OrchestrationAlreadyExistsException>(second);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(1, CountRunActivity.Runs[instanceId]);
    }

    // Without dedupe statuses the Azure Storage backend accepts the second start and runs the instance again
    // from the beginning, so callers that must start an instance once pass dedupe statuses.
    [Fact]
    public async Task Schedule_DuplicateIdWithoutDedupe_RunsAgain()
    {
        await using var engine = await EngineApp.StartAsync(azurite.ConnectionString, EngineApp.NewTaskHubName());
        var instanceId = "again-" + Guid.NewGuid().ToString("N");
        var start = new StartOrchestrationOptions(instanceId);

        await engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), 2, start);
        await engine.Client.WaitForInstanceStartAsync(instanceId);
        var second = await Record.ExceptionAsync(() =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), 2, start));
        var result = await engine.WaitForCompletionAsync(instanceId);

        Assert.Null(second);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, CountRunActivity.Runs[instanceId]);
    }

    [Fact]
    public async Task Restart_DuringTimer_CompletesOnNewEngine()
    {
        var taskHubName = EngineApp.NewTaskHubName();
        var instanceId = "restart-" + Guid.NewGuid().ToString("N");
        var first = await EngineApp.StartAsync(azurite.ConnectionString, taskHubName, generation: 1);
        await first.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(TimerOrchestrator), 5, new StartOrchestrationOptions(instanceId));
        await EngineApp.WaitUntilAsync(() => CountRunActivity.Runs.ContainsKey(instanceId));
        await first.DisposeAsync();

        await using var second = await EngineApp.StartAsync(azurite.ConnectionString, taskHubName, generation: 2);
        var result = await second.WaitForCompletionAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2, result.ReadOutputAs<int>());
        Assert.Equal(1, CountRunActivity.Runs[instanceId]);
    }

    [Fact]
    public async Task SideBySide_SameTaskHub_Completes()
    {
        var taskHubName = EngineApp.NewTaskHubName();
        await using var first = await EngineApp.StartAsync(azurite.ConnectionString, taskHubName, generation: 1);
        await using var second = await EngineApp.StartAsync(azurite.ConnectionString, taskHubName, generation: 2);

        var fanOutId = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 20);
        var fanOut = await second.WaitForCompletionAsync(fanOutId);

        Assert.NotEqual(first.SidecarPort, second.SidecarPort);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, fanOut.RuntimeStatus);
        Assert.Equal(2870, fanOut.ReadOutputAs<int>());
    }
}
