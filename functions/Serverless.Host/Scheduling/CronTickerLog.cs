using Microsoft.Extensions.Logging;

namespace Serverless.Host.Scheduling;

/// <summary>Log messages of the cron ticker, event ids 3200-3299.</summary>
internal static partial class CronTickerLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information,
        Message = "Cron ticker with schedule '{Schedule}' started; first occurrence {Occurrence:O}")]
    public static partial void Started(ILogger logger, string schedule, DateTimeOffset occurrence);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Error,
        Message = "Cron tick of schedule '{Schedule}' at {Occurrence:O} failed; waiting for the next occurrence")]
    public static partial void TickFailed(ILogger logger, Exception exception, string schedule,
        DateTimeOffset occurrence);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information,
        Message = "Cron ticker with schedule '{Schedule}' stopped")]
    public static partial void Stopped(ILogger logger, string schedule);
}
