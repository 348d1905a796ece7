using Microsoft.Extensions.Logging;
using Serverless.Shared.Calendar;

namespace Serverless.Workflows.Calendar;

/// <summary>
/// Log messages of calendar loading, event ids 1420-1439. They carry years, revisions and counts only.
/// </summary>
internal static partial class CalendarLoaderLog
{
    [LoggerMessage(1420, LogLevel.Information, "Calendar year {Year} loaded: {Change}, revision {Revision}")]
    public static partial void YearStored(ILogger logger, int year, CalendarYearChange change, int revision);
}
