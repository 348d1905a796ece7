using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;
using Serverless.Shared.Domain;

namespace Serverless.Host.Scheduling;

/// <summary>
/// Calls a handler at each occurrence of a six-field NCRONTAB schedule with seconds, in UTC, the form of an Azure
/// Functions timer trigger (for example <c>0 */1 * * * *</c>, every minute). A failing handler is logged and the
/// next occurrence still runs. Occurrences that pass while the handler runs are skipped, not run late.
/// </summary>
public sealed class CronTicker : BackgroundService
{
    // Task.Delay accepts at most about 49 days, and shorter waits also notice a clock that was set forward.
    private static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private readonly CrontabSchedule schedule;
    private readonly string expression;
    private readonly TimeProvider timeProvider;
    private readonly Func<DateTimeOffset, CancellationToken, Task> onTick;
    private readonly ILogger<CronTicker> logger;

    /// <summary>Creates a ticker that waits for the first occurrence after the host starts it.</summary>
    /// <param name="schedule">Six-field NCRONTAB expression: second, minute, hour, day, month, day of week.</param>
    /// <param name="timeProvider">Clock and timers; <see cref="TimeProvider.System"/> in production.</param>
    /// <param name="onTick">Handler, called with the occurrence time (UTC) and the host's stopping token.</param>
    /// <param name="logger">Logger for starts and handler failures.</param>
    /// <exception cref="ValidationException"><paramref name="schedule"/> is not a valid expression.</exception>
    public CronTicker(string schedule, TimeProvider timeProvider, Func<DateTimeOffset, CancellationToken, Task> onTick,
        ILogger<CronTicker> logger)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(onTick);
        ArgumentNullException.ThrowIfNull(logger);

        this.schedule = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new ValidationException(nameof(schedule), schedule,
                "is not a six-field NCRONTAB expression (second minute hour day month day-of-week)");
        expression = schedule;
        this.timeProvider = timeProvider;
        this.onTick = onTick;
        this.logger = logger;
    }

    /// <summary>Returns the first occurrence strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var next = schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var next = GetNextOccurrence(timeProvider.GetUtcNow());
        CronTickerLog.Started(logger, expression, next);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitUntilAsync(next, stoppingToken).ConfigureAwait(false);
                await TickAsync(next, stoppingToken).ConfigureAwait(false);

                var now = timeProvider.GetUtcNow();
                next = GetNextOccurrence(now > next ? now : next);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }

        CronTickerLog.Stopped(logger, expression);
    }

    private async Task WaitUntilAsync(DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        for (var remaining = occurrence - timeProvider.GetUtcNow(); remaining > TimeSpan.Zero;
            remaining = occurrence - timeProvider.GetUtcNow())
        {
            var wait = remaining < MaxWait ? remaining : MaxWait;
            await Task.Delay(wait, timeProvider, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task TickAsync(DateTimeOffset occurrence, CancellationToken stoppingToken)
    {
        try
        {
            await onTick(occurrence, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed tick must not stop the schedule; the error is logged.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CronTickerLog.TickFailed(logger, exception, expression, occurrence);
        }
    }
}
