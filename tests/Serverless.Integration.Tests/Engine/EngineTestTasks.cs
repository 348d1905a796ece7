using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Serverless.Integration.Tests.Engine;

/// <summary>Fans out one <see cref="SquareActivity"/> per number 1..input, waits 2 s, returns the sum.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var squares = Enumerable.Range(1, input)
            .Select(number => context.CallActivityAsync<int>(nameof(SquareActivity), number))
            .ToList();
        var results = await Task.WhenAll(squares);
        await context.CreateTimer(TimeSpan.FromSeconds(2), CancellationToken.None);
        return results.Sum();
    }
}

/// <summary>Returns the square of its input.</summary>
public sealed class SquareActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
}

/// <summary>
/// Counts a run for its instance, waits <c>input</c> seconds on a durable timer, then returns the
/// <see cref="EngineGeneration"/> of the engine that ran <see cref="GenerationActivity"/>.
/// </summary>
public sealed class TimerOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CallActivityAsync(nameof(CountRunActivity), context.InstanceId);
        await context.CreateTimer(TimeSpan.FromSeconds(input), CancellationToken.None);
        return await context.CallActivityAsync<int>(nameof(GenerationActivity));
    }
}

/// <summary>Counts how often each instance id started its first step.</summary>
public sealed class CountRunActivity : TaskActivity<string, bool>
{
    public static ConcurrentDictionary<string, int> Runs { get; } = new();

    public override Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        Runs.AddOrUpdate(input, 1, (_, count) => count + 1);
        return Task.FromResult(true);
    }
}

/// <summary>Returns the generation of the engine that runs it.</summary>
public sealed class GenerationActivity(EngineGeneration generation) : TaskActivity<object?, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, object? input) =>
        Task.FromResult(generation.Value);
}

/// <summary>Number of the engine instance in a test, registered per application.</summary>
public sealed record EngineGeneration(int Value);
