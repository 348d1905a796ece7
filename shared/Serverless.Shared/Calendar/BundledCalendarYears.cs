using Serverless.Shared.Milestones;

namespace Serverless.Shared.Calendar;

/// <summary>The calendar years shipped with a release, read once on first use from the bundled folder.</summary>
public sealed class BundledCalendarYears
{
    private readonly Lazy<IReadOnlyList<CalendarYear>> years;

    /// <summary>
    /// Reads the years from <paramref name="directory"/>, or from <see cref="WorkingDayCalendar.FindBundledDirectory"/>
    /// when it is null.
    /// </summary>
    public BundledCalendarYears(string? directory = null)
    {
        years = new Lazy<IReadOnlyList<CalendarYear>>(
            () => WorkingDayCalendar.LoadYears(directory ?? WorkingDayCalendar.FindBundledDirectory()));
    }

    /// <summary>Creates the set from the given years in place of the bundled folder, for example a subset of it.</summary>
    public BundledCalendarYears(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        IReadOnlyList<CalendarYear> ordered = years.OrderBy(year => year.Year).ToList();
        this.years = new Lazy<IReadOnlyList<CalendarYear>>(ordered);
    }

    /// <summary>The bundled years in year order.</summary>
    /// <exception cref="Domain.ValidationException">A bundled file is invalid.</exception>
    /// <exception cref="DirectoryNotFoundException">No bundled folder was found.</exception>
    public IReadOnlyList<CalendarYear> Years => years.Value;
}
