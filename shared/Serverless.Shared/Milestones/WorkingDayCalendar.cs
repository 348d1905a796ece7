using System.Globalization;
using System.Text.Json;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>
/// The mainland China working-day calendar: Monday to Friday are working days except public holidays, and the
/// make-up working days (调休上班) on weekends are working days too. Each year is one data file, so a new year is
/// added by adding its file. A date in a year without a file is rejected rather than guessed.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>Path of the bundled calendar files relative to the repository root.</summary>
    public static readonly string RelativeDirectory = Path.Combine("shared", "data", "calendar");

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

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

    /// <summary>
    /// Reads every <c>{year}.json</c> file of a folder. A file contains <c>year</c>, <c>holidays</c> and
    /// <c>workdays</c>, the last two mapping ISO dates to the name of the holiday.
    /// </summary>
    /// <exception cref="ValidationException">A file is invalid; the field names the file.</exception>
    public static WorkingDayCalendar Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var years = new List<int>();
        var holidays = new List<DateOnly>();
        var workdays = new List<DateOnly>();
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var field = Path.GetFileName(path);
            var file = JsonSerializer.Deserialize<CalendarYearFile>(File.ReadAllText(path), JsonOptions)
                ?? throw new ValidationException(field, "null", "is empty");
            if (Path.GetFileNameWithoutExtension(path) != file.Year.ToString(CultureInfo.InvariantCulture))
            {
                throw new ValidationException($"{field}.year", file.Year.ToString(CultureInfo.InvariantCulture),
                    "differs from the file name, so name the file after its year");
            }

            years.Add(file.Year);
            holidays.AddRange(ParseDates(field, "holidays", file.Holidays));
            workdays.AddRange(ParseDates(field, "workdays", file.Workdays));
        }

        return new WorkingDayCalendar(years, holidays, workdays);
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
    /// <exception cref="ValidationException">The calendar does not cover the year of the date.</exception>
    public bool IsWorkingDay(DateOnly date)
    {
        if (!years.Contains(date.Year))
        {
            throw new ValidationException("date", Format(date),
                $"lies in {date.Year}, which the calendar does not cover; add shared/data/calendar/{date.Year}.json");
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

    private static IEnumerable<DateOnly> ParseDates(string file, string section, IReadOnlyDictionary<string, string>? dates)
    {
        foreach (var key in (dates ?? new Dictionary<string, string>()).Keys)
        {
            if (!DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new ValidationException($"{file}.{section}", key, "is not a date in the form yyyy-MM-dd");
            }

            yield return date;
        }
    }

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record CalendarYearFile(
        int Year, IReadOnlyDictionary<string, string>? Holidays, IReadOnlyDictionary<string, string>? Workdays);
}
