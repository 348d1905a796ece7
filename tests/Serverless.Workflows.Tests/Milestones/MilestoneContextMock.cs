using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

/// <summary>
/// A mocked orchestration context for the milestone orchestrator. Each timer completes at once and moves the
/// context's time to its fire time. Checks return the scripted progress in order, and events are scripted by name.
/// </summary>
internal sealed class MilestoneContextMock
{
    private readonly Mock<TaskOrchestrationContext> mock = new() { CallBase = true };
    private readonly Queue<MilestoneProgress> progress = new();
    private readonly Dictionary<int, string> eventAfterTimers = [];
    private string? scheduledEvent;

    public MilestoneContextMock(DateTime start)
    {
        Now = start;
        mock.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        mock.SetupGet(c => c.InstanceId).Returns("milestone-test");
        mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                if (scheduledEvent is null && eventAfterTimers.Remove(Timers.Count, out var name))
                {
                    // The event wins this wait, so the timer never fires.
                    scheduledEvent = name;
                    return new TaskCompletionSource().Task;
                }

                Timers.Add(fireAt);
                Now = fireAt;
                return Task.CompletedTask;
            });
        mock.Setup(c => c.WaitForExternalEvent<string>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string name, CancellationToken _) => EventTask(name));
        mock.Setup(c => c.CallActivityAsync<MilestoneProgress>(MilestoneTaskNames.Check, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(() => Task.FromResult(progress.Count > 1 ? progress.Dequeue() : progress.Peek()));
        mock.Setup(c => c.CallActivityAsync<int>(MilestoneTaskNames.SendReminder, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) =>
            {
                Reminders.Add((MilestoneReminder)input!);
                return Task.FromResult(1);
            });
    }

    public TaskOrchestrationContext Object => mock.Object;

    public DateTime Now { get; private set; }

    /// <summary>Fire times of the timers created, in order.</summary>
    public List<DateTime> Timers { get; } = [];

    /// <summary>Inputs of the reminder activity, in order.</summary>
    public List<MilestoneReminder> Reminders { get; } = [];

    /// <summary>Queues the results of the check activity; the last one repeats.</summary>
    public void SetupProgress(params bool[] done)
    {
        foreach (var value in done)
        {
            progress.Enqueue(new MilestoneProgress(value, value ? "" : "还差 2 名"));
        }
    }

    /// <summary>Raises the named event in the wait that starts after <paramref name="timers"/> timers fired.</summary>
    public void RaiseEventAfter(string name, int timers) => eventAfterTimers[timers] = name;

    private Task<string> EventTask(string name)
    {
        if (scheduledEvent != name)
        {
            return new TaskCompletionSource<string>().Task;
        }

        scheduledEvent = null;
        return Task.FromResult(name);
    }
}
