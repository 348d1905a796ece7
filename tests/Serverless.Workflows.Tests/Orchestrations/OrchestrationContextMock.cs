using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Moq;
using Moq.Protected;
using Serverless.Workflows.Tests.Logging;

namespace Serverless.Workflows.Tests.Orchestrations;

/// <summary>
/// A Moq mock of <see cref="TaskOrchestrationContext"/> that records every activity call, custom status and
/// replay-safe log entry of one orchestrator run.
/// </summary>
internal sealed class OrchestrationContextMock
{
    private readonly Lock gate = new();
    private readonly List<TaskCall> activities = [];
    private readonly List<object?> statuses = [];
    private readonly Mock<TaskOrchestrationContext> mock = new() { CallBase = true };

    public OrchestrationContextMock(bool isReplaying = false)
    {
        // CallBase keeps the library's CreateReplaySafeLogger overloads. Each wraps a logger of the protected
        // abstract LoggerFactory and drops entries while IsReplaying is true, so every overload reaches Logs.
        mock.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(Logs);
        mock.SetupGet(c => c.IsReplaying).Returns(isReplaying);
        mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(status => Record(statuses, status));
    }

    public TaskOrchestrationContext Object => mock.Object;

    public RecordingLoggerFactory Logs { get; } = new();

    public IReadOnlyList<TaskCall> Activities => Snapshot(activities);

    public IReadOnlyList<object?> Statuses => Snapshot(statuses);

    /// <summary>Sets up calls of one activity to return the task <paramref name="result"/> builds.</summary>
    public void SetupActivity<TResult>(string name, Func<object?, Task<TResult>> result)
    {
        mock.Setup(c => c.CallActivityAsync<TResult>(name, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName taskName, object? input, TaskOptions? options) =>
            {
                Record(activities, new TaskCall(taskName.Name, input, options));
                return result(input);
            });
    }

    private void Record<T>(List<T> list, T item)
    {
        lock (gate)
        {
            list.Add(item);
        }
    }

    private List<T> Snapshot<T>(List<T> list)
    {
        lock (gate)
        {
            return [.. list];
        }
    }
}

/// <summary>One call an orchestrator made to an activity.</summary>
/// <param name="Name">Task name.</param>
/// <param name="Input">Input passed.</param>
/// <param name="Options">Options passed, or null.</param>
internal sealed record TaskCall(string Name, object? Input, TaskOptions? Options);
