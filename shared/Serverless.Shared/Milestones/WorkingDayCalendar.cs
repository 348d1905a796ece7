using System.Globalization;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>
/// The mainland China working-day calendar: Monday to Friday are working days except public holidays, and the
/// make-up working days (调休上班) on weekends are working days too. Each year is one <see cref="CalendarYear"/>,
/// bundled as a data file or loaded into storage later. A date in a year that is not covered is rejected rather than
/// guessed.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>Path of the bundled calendar files relative to the repository root.</summary>
    public static readonly string RelativeDirectory = Path.Combine("shared", "data", "calendar");

    private readonly HashSet<DateOnly> holidays;
    private readonly HashSet<DateOnly> workdays;
    private readonly SortedSet<int> years;

    /// <summary>Creates a calendar from the covered years, holidays and make-up working days.</summary>
    /// <exception cref="ValidationException">A date lies outside the covered years, or is both kinds of day.</exception>
    public WorkingDayCalendar(IEnumerable<int> years, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workdays);
        this.years = [.. years];
        this.holidays = [.. holidays];
        this.workdays = [.. workdays];
        foreach (var date in this.holidays.Concat(this.workdays).Where(d => !this.years.Contains(d.Year)))
        {
            throw new ValidationException("calendar", Format(date), "lies in a year the calendar does not cover");
        }

        foreach (var date in this.holidays.Where(this.workdays.Contains))
        {
            throw new ValidationException("calendar", Format(date), "is listed both as a holiday and as a working day");
        }
    }

    /// <summary>Years the calendar covers, in ascending order.</summary>
    public IReadOnlyCollection<int> Years => years;

    /// <summary>Creates a calendar from whole years; each year may appear once.</summary>
    /// <exception cref="ArgumentException">A year appears twice.</exception>
    public static WorkingDayCalendar FromYears(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var list = years.ToList();
        var repeated = list.GroupBy(y => y.Year).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"Calendar year {repeated.Key} appears more than once.", nameof(years));
        }

        return new WorkingDayCalendar(
            list.Select(y => y.Year), list.SelectMany(y => y.Holidays.Keys), list.SelectMany(y => y.Workdays.Keys));
    }

    /// <summary>Reads every <c>{year}.json</c> file of a folder into a calendar.</summary>
    /// <exception cref="ValidationException">A file is invalid; the field names the file.</exception>
    public static WorkingDayCalendar Load(string directory) => FromYears(LoadYears(directory));

    /// <summary>
    /// Reads every <c>{year}.json</c> file of a folder with <see cref="CalendarYearParser"/>, in year order. A file
    /// contains <c>year</c>, <c>holidays</c> and <c>workdays</c>, the last two mapping ISO dates to the name of the
    /// holiday, and its year must match its file name.
    /// </summary>
    /// <exception cref="ValidationException">
    /// A file is invalid. The field names the file, and the error is the first one found.
    /// </exception>
    public static IReadOnlyList<CalendarYear> LoadYears(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var years = new List<CalendarYear>();
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var named = CalendarYearParser.YearOfFileName(path);
            try
            {
                years.Add(CalendarYearParser.Parse(File.ReadAllBytes(path), named, $"{Path.GetFileName(path)}."));
            }
            catch (InvalidCalendarYearException invalid)
            {
                var first = invalid.Errors[0];
                throw new ValidationException(first.Field, first.Value, first.Reason);
            }

            if (named is null)
            {
                throw new ValidationException(
                    $"{Path.GetFileName(path)}.year", years[^1].Year.ToString(CultureInfo.InvariantCulture),
                    "differs from the file name, so name the file after its year");
            }
        }

        return years.OrderBy(y => y.Year).ToList();
    }

    /// <summary>
    /// Returns the folder of the bundled calendar: <c>calendar</c> beside the executable when a host ships it there,
    /// else <see cref="RelativeDirectory"/> in the nearest checkout above the executable or the current folder.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">Neither folder exists.</exception>
    public static string FindBundledDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "calendar");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, RelativeDirectory);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No calendar folder was found beside {AppContext.BaseDirectory} or at {RelativeDirectory} in a folder above it.");
    }

    /// <summary>True when <paramref name="date"/> is a working day.</summary>
    /// <exception cref="CalendarYearMissingException">The calendar does not cover the year of the date.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!years.Contains(date.Year))
        {
            throw new CalendarYearMissingException(date);
        }

        if (workdays.Contains(date))
        {
            return true;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);
    }

    /// <summary>
    /// Moves <paramref name="days"/> working days forward from <paramref name="date"/>, or backward when negative.
    /// The start date itself is not counted, so 1 is the next working day after it.
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The count reaches a year the calendar does not cover.</exception>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var step = days < 0 ? -1 : 1;
        var current = date;
        for (var left = Math.Abs(days); left > 0;)
        {
            current = current.AddDays(step);
            if (IsWorkingDay(current))
            {
                left--;
            }
        }

        return current;
    }

    /// <summary>Moves a number of calendar or working days, as <paramref name="count"/> selects.</summary>
    public DateOnly AddDays(DateOnly date, int days, DayCount count) =>
        count == DayCount.Working ? AddWorkingDays(date, days) : date.AddDays(days);

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
