using System.Globalization;

namespace Serverless.Shared.Calendar;

/// <summary>
/// A date lies in a year that the working-day calendar does not cover, so working days cannot be counted there.
/// The year is never guessed, because a missing year is not a year without holidays.
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    public CalendarYearMissingException(DateOnly date)
        : base(Describe(date))
    {
        Date = date;
    }

    public CalendarYearMissingException()
        : this("A date lies in a year that the working-day calendar does not cover.")
    {
    }

    public CalendarYearMissingException(string message)
        : base(message)
    {
    }

    public CalendarYearMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The date that could not be classified.</summary>
    public DateOnly Date { get; }

    /// <summary>The year that is missing.</summary>
    public int Year => Date.Year;

    private static string Describe(DateOnly date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        return $"Date '{CalendarYear.FormatDate(date)}' lies in {year}, which the working-day calendar does not " +
            $"cover. Load the {year} holiday arrangement with 'calendar load' or PUT /api/calendar/{year}.";
    }
}
