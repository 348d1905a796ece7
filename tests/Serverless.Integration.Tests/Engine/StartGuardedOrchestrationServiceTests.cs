using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Moq;
using Serverless.Host.Engine;
using Serverless.Integration.Tests.Infrastructure;

namespace Serverless.Integration.Tests.Engine;

[Collection(AzuriteCollection.Name)]
public sealed class StartGuardedOrchestrationServiceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Stop_NeverStarted_DoesNotCallBackend()
    {
        var inner = new Mock<IOrchestrationService>(MockBehavior.Strict);
        var service = new StartGuardedOrchestrationService(inner.Object);

        await service.StopAsync();

        inner.Verify(s => s.StopAsync(It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task Stop_DuringStart_WaitsThenStops()
    {
        var starting = new TaskCompletionSource();
        var inner = new Mock<IOrchestrationService>(MockBehavior.Strict);
        inner.Setup(s => s.StartAsync()).Returns(starting.Task);
        inner.Setup(s => s.StopAsync(true)).Returns(Task.CompletedTask);
        var service = new StartGuardedOrchestrationService(inner.Object);

        var start = service.StartAsync();
        var stop = service.StopAsync(isForced: true);
        var stoppedEarly = stop.IsCompleted;
        starting.SetResult();
        await start;
        await stop;

        Assert.False(stoppedEarly);
        inner.Verify(s => s.StopAsync(true), Times.Once);
    }

    [Fact]
    public async Task Stop_StartFailed_DoesNotCallBackend()
    {
        var inner = new Mock<IOrchestrationService>(MockBehavior.Strict);
        inner.Setup(s => s.StartAsync()).Returns(Task.FromException(new InvalidOperationException("storage down")));
        var service = new StartGuardedOrchestrationService(inner.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(service.StartAsync);
        await service.StopAsync();

        inner.Verify(s => s.StopAsync(It.IsAny<bool>()), Times.Never);
    }

    [Fact]
    public async Task Stop_TwiceAfterStart_StopsBackendOnce()
    {
        var inner = new Mock<IOrchestrationService>(MockBehavior.Strict);
        inner.Setup(s => s.StartAsync()).Returns(Task.CompletedTask);
        inner.Setup(s => s.StopAsync(false)).Returns(Task.CompletedTask);
        var service = new StartGuardedOrchestrationService(inner.Object);

        await service.StartAsync();
        await service.StopAsync();
        await service.StopAsync();

        inner.Verify(s => s.StopAsync(false), Times.Once);
    }

    /// <summary>
    /// A host stopped before any worker connected used to end the test process from the sidecar's stop handler.
    /// After three such stops, a fourth host in the same process still runs an orchestration. It uses a task hub
    /// of its own, because partition leases that the stopped hosts took may stay held until they expire.
    /// </summary>
    [Fact]
    public async Task Engine_StoppedRightAfterStart_ProcessStillWorks()
    {
        var taskHubName = EngineApp.NewTaskHubName();
        for (var generation = 1; generation <= 3; generation++)
        {
            var app = await EngineApp.StartAsync(azurite.ConnectionString, taskHubName, generation);
            await app.DisposeAsync();
        }

        await using var last = await EngineApp.StartAsync(
            azurite.ConnectionString, EngineApp.NewTaskHubName(), generation: 4);
        var instanceId = await last.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), 20);
        var result = await last.WaitForCompletionAsync(instanceId);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(2870, result.ReadOutputAs<int>());
    }
}
