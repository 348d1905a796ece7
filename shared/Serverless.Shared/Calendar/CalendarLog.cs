using Microsoft.Extensions.Logging;

namespace Serverless.Shared.Calendar;

/// <summary>Log messages of the working-day calendar, event ids 1400-1419. They carry years and counts only.</summary>
internal static partial class CalendarLog
{
    [LoggerMessage(1400, LogLevel.Information, "Working-day calendar covers {Years} years, {Stored} of them stored")]
    public static partial void YearsRead(ILogger logger, int years, int stored);

    [LoggerMessage(
        1401, LogLevel.Information, "Working-day calendar does not cover {Year}, so the stored years are read again")]
    public static partial void YearNotCovered(ILogger logger, int year);

    [LoggerMessage(1402, LogLevel.Warning,
        "Reading the stored calendar years failed, so the calendar read before stays in use until the next attempt")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
