using Microsoft.DurableTask;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>Fan-out widths of one draw: offices drawn, records chained, notices sent.</summary>
internal sealed record NoOpFanOutRequest(int Offices, int Chains, int Notices);

/// <summary>
/// The shape of the draw orchestration with activities that do nothing: one call, a fan-out per office in
/// chunks of 50 with a custom status after each, one per record chain, one per notice in chunks of 50, one
/// call. Its time on the same engine is the engine's floor for a draw of that width.
/// </summary>
internal sealed class NoOpFanOutOrchestrator : TaskOrchestrator<NoOpFanOutRequest, int>
{
    public const string Name = nameof(NoOpFanOutOrchestrator);

    public const string ActivityName = "NoOpActivity";

    // The draw orchestration updates its custom status after this many parallel tasks.
    private const int ProgressStep = 50;

    public override async Task<int> RunAsync(TaskOrchestrationContext context, NoOpFanOutRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var calls = await context.CallActivityAsync<int>(ActivityName, 1);

        calls += await FanOutAsync(context, input.Offices, chunked: true);
        calls += await FanOutAsync(context, input.Chains, chunked: false);
        calls += await FanOutAsync(context, input.Notices, chunked: true);

        calls += await context.CallActivityAsync<int>(ActivityName, 1);
        return calls;
    }

    /// <summary>Registers the orchestration and its activity, which returns its input.</summary>
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<NoOpFanOutOrchestrator>();
        registry.AddActivityFunc<int, int>(ActivityName, (_, value) => value);
    }

    private static async Task<int> FanOutAsync(TaskOrchestrationContext context, int width, bool chunked)
    {
        var calls = Enumerable.Range(0, width).Select(_ => context.CallActivityAsync<int>(ActivityName, 1)).ToList();
        if (!chunked)
        {
            return (await Task.WhenAll(calls)).Sum();
        }

        var done = 0;
        foreach (var chunk in calls.Chunk(ProgressStep))
        {
            done += (await Task.WhenAll(chunk)).Sum();
            context.SetCustomStatus(done);
        }

        return done;
    }
}
