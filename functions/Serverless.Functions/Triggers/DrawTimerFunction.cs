using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Workflows.Scheduling;

namespace Serverless.Functions.Triggers;

/// <summary>
/// Checks every minute which plans are due and starts their commitments and draws. The schedule is in UTC
/// (NCRONTAB with seconds); plan schedules themselves are in China Standard Time.
/// </summary>
public sealed class DrawTimerFunction(DrawScheduler scheduler, TimeProvider time)
{
    public const string Schedule = "0 */1 * * * *";

    [Function("DrawTimer")]
    public Task RunAsync(
        [TimerTrigger(Schedule, RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return scheduler.TickAsync(client, time.GetUtcNow(), context.CancellationToken);
    }
}
