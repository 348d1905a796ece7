using System.Globalization;
using System.Text.Json;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Calendar;

/// <summary>
/// Reads and validates a calendar year in the format of the bundled files:
/// <c>{"year": 2027, "holidays": {"2027-01-01": "元旦", ...}, "workdays": {"2027-02-07": "春节", ...}}</c>.
/// Every error is collected before anything is returned, so one pass reports all of them.
/// </summary>
public static class CalendarYearParser
{
    /// <summary>
    /// Earliest accepted year: 1949, the year of the State Council's first holiday rules (全国年节及纪念日放假办法).
    /// </summary>
    public const int MinYear = 1949;

    /// <summary>Latest accepted year, the last year of <see cref="DateOnly"/>.</summary>
    public const int MaxYear = 9999;

    /// <summary>
    /// Largest accepted file, in bytes. A year with every date listed and names of <see cref="MaxNameLength"/>
    /// characters stays below it.
    /// </summary>
    public const int MaxFileBytes = 64 * 1024;

    /// <summary>Longest accepted holiday name, in characters.</summary>
    public const int MaxNameLength = 64;

    private const string YearField = "year";
    private const string HolidaysField = "holidays";
    private const string WorkdaysField = "workdays";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 8 };

    /// <summary>
    /// Parses a UTF-8 JSON year. <paramref name="expectedYear"/>, when given, is the year the file is loaded as
    /// (from a file name or a request path), and <paramref name="fieldPrefix"/> goes before every field name.
    /// </summary>
    /// <exception cref="InvalidCalendarYearException">The JSON or a value in it is invalid.</exception>
    public static CalendarYear Parse(ReadOnlySpan<byte> json, int? expectedYear = null, string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(fieldPrefix);

        // Editors on Windows often save UTF-8 with a byte order mark, which the JSON reader rejects.
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            throw new InvalidCalendarYearException(
                [new ValidationException(Field(fieldPrefix, "body"), null, "is not valid UTF-8; save the file as UTF-8")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidCalendarYearException(
                [new ValidationException(Field(fieldPrefix, "body"), null, $"is not valid JSON: {exception.Message}")]);
        }

        using (document)
        {
            try
            {
                return Read(document.RootElement, expectedYear, fieldPrefix);
            }
            catch (InvalidOperationException exception)
            {
                // Reading a string that escapes half of a UTF-16 surrogate pair, such as "\ud800", raises this.
                throw new InvalidCalendarYearException(
                [
                    new ValidationException(
                        Field(fieldPrefix, "body"), null, $"contains text that is not valid Unicode: {exception.Message}"),
                ]);
            }
        }
    }

    /// <summary>Returns the year a file is named after, such as 2027 for <c>2027.json</c>, or null.</summary>
    public static int? YearOfFileName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileNameWithoutExtension(path);
        return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    /// <summary>
    /// Builds a year from maps of ISO dates to holiday names, with the checks of <see cref="Parse"/> that apply
    /// to maps, for example to read back a stored year.
    /// </summary>
    /// <exception cref="InvalidCalendarYearException">A value is invalid.</exception>
    public static CalendarYear Create(
        int year,
        IReadOnlyDictionary<string, string> holidays,
        IReadOnlyDictionary<string, string> workdays,
        string fieldPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(workdays);
        ArgumentNullException.ThrowIfNull(fieldPrefix);
        var errors = new List<ValidationException>();
        var checkedYear = RequireYear(errors, fieldPrefix, year, null) ? year : 0;
        var holidayDates = ReadDates(
            errors, fieldPrefix, HolidaysField, checkedYear, holidays.Select(p => (p.Key, (string?)p.Value)));
        var workdayDates = ReadDates(
            errors, fieldPrefix, WorkdaysField, checkedYear, workdays.Select(p => (p.Key, (string?)p.Value)));
        return Build(errors, fieldPrefix, checkedYear, holidayDates, workdayDates);
    }

    private static CalendarYear Read(JsonElement root, int? expectedYear, string prefix)
    {
        var errors = new List<ValidationException>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidCalendarYearException(
                [
                    new ValidationException(
                        Field(prefix, "body"), Describe(root), "is not a JSON object with year, holidays and workdays"),
                ]);
        }

        int? year = null;
        List<(string Key, string? Name)>? holidays = null;
        List<(string Key, string? Name)>? workdays = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                errors.Add(new ValidationException(Field(prefix, property.Name), null, "appears twice in the object"));
                continue;
            }

            switch (property.Name)
            {
                case YearField:
                    year = ReadYear(errors, prefix, property.Value, expectedYear);
                    break;
                case HolidaysField:
                    holidays = ReadEntries(errors, prefix, HolidaysField, property.Value);
                    break;
                case WorkdaysField:
                    workdays = ReadEntries(errors, prefix, WorkdaysField, property.Value);
                    break;
                default:
                    errors.Add(new ValidationException(
                        Field(prefix, property.Name), Describe(property.Value),
                        "is not a field of a calendar year, " +
                        $"whose fields are {YearField}, {HolidaysField} and {WorkdaysField}"));
                    break;
            }
        }

        RequirePresent(errors, prefix, YearField, seen);
        RequirePresent(errors, prefix, HolidaysField, seen);
        RequirePresent(errors, prefix, WorkdaysField, seen);

        // Dates are checked against the year only when the year itself is valid.
        var checkedYear = year ?? 0;
        var holidayDates = ReadDates(errors, prefix, HolidaysField, checkedYear, holidays ?? []);
        var workdayDates = ReadDates(errors, prefix, WorkdaysField, checkedYear, workdays ?? []);
        return Build(errors, prefix, checkedYear, holidays is null ? null : holidayDates, workdayDates);
    }

    private static CalendarYear Build(
        List<ValidationException> errors,
        string prefix,
        int year,
        SortedDictionary<DateOnly, string>? holidays,
        SortedDictionary<DateOnly, string> workdays)
    {
        var holidaysField = Field(prefix, HolidaysField);
        if (holidays is { Count: 0 } && !errors.Any(e => e.Field.StartsWith(holidaysField, StringComparison.Ordinal)))
        {
            errors.Add(new ValidationException(
                holidaysField, "{}", "is empty, but every year has public holidays such as 元旦 and 国庆节"));
        }

        foreach (var (date, _) in workdays)
        {
            if (holidays?.ContainsKey(date) == true)
            {
                errors.Add(new ValidationException(
                    Field(prefix, WorkdaysField), CalendarYear.FormatDate(date),
                    "is also listed in holidays, but a date is either a day off or a make-up working day"));
            }

            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                errors.Add(new ValidationException(
                    Field(prefix, WorkdaysField), CalendarYear.FormatDate(date),
                    $"is a {date.DayOfWeek}, but make-up working days fall on a Saturday or Sunday"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidCalendarYearException(errors);
        }

        return new CalendarYear(year, holidays ?? new SortedDictionary<DateOnly, string>(), workdays);
    }

    private static int? ReadYear(List<ValidationException> errors, string prefix, JsonElement value, int? expectedYear)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var year))
        {
            errors.Add(new ValidationException(Field(prefix, YearField), Describe(value), "is not a whole number"));
            return null;
        }

        return RequireYear(errors, prefix, year, expectedYear) ? year : null;
    }

    private static bool RequireYear(List<ValidationException> errors, string prefix, int year, int? expectedYear)
    {
        var text = year.ToString(CultureInfo.InvariantCulture);
        if (year is < MinYear or > MaxYear)
        {
            errors.Add(new ValidationException(
                Field(prefix, YearField), text, $"is not between {MinYear} and {MaxYear}"));
            return false;
        }

        if (expectedYear is { } expected && expected != year)
        {
            errors.Add(new ValidationException(
                Field(prefix, YearField), text,
                $"differs from {expected.ToString(CultureInfo.InvariantCulture)}, the year the file is loaded as"));
            return false;
        }

        return true;
    }

    private static List<(string Key, string? Name)>? ReadEntries(
        List<ValidationException> errors, string prefix, string section, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationException(
                Field(prefix, section),
                Describe(value),
                "is not an object that maps yyyy-MM-dd dates to holiday names"));
            return null;
        }

        var entries = new List<(string Key, string? Name)>();
        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new ValidationException(
                    $"{Field(prefix, section)}.{entry.Name}",
                    Describe(entry.Value),
                    "is not a holiday name in quotes"));
                continue;
            }

            entries.Add((entry.Name, entry.Value.GetString()));
        }

        return entries;
    }

    /// <summary>
    /// Checks each date and name of one section. Dates outside <paramref name="year"/> are reported unless the year
    /// is 0, which stands for an invalid year.
    /// </summary>
    private static SortedDictionary<DateOnly, string> ReadDates(
        List<ValidationException> errors,
        string prefix,
        string section,
        int year,
        IEnumerable<(string Key, string? Name)> entries)
    {
        var field = Field(prefix, section);
        var dates = new SortedDictionary<DateOnly, string>();
        foreach (var (key, name) in entries)
        {
            if (!DateOnly.TryParseExact(
                    key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new ValidationException(field, key, "is not a date in the form yyyy-MM-dd"));
                continue;
            }

            if (!dates.TryAdd(date, name ?? ""))
            {
                errors.Add(new ValidationException(field, key, $"is listed twice in {section}"));
                continue;
            }

            if (year != 0 && date.Year != year)
            {
                errors.Add(new ValidationException(
                    field, key, $"lies outside {year.ToString(CultureInfo.InvariantCulture)}, the year of the file"));
            }

            RequireName(errors, $"{field}.{key}", name);
        }

        return dates;
    }

    private static void RequireName(List<ValidationException> errors, string field, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new ValidationException(field, name, "is empty, so give the name of the holiday, such as 春节"));
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add(new ValidationException(
                field,
                string.Concat(name.AsSpan(0, 20), "..."),
                $"has {name.Length} characters, more than {MaxNameLength}"));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new ValidationException(field, name, "contains a control character"));
        }
    }

    private static void RequirePresent(
        List<ValidationException> errors, string prefix, string name, HashSet<string> seen)
    {
        if (!seen.Contains(name))
        {
            errors.Add(new ValidationException(Field(prefix, name), null, "is missing"));
        }
    }

    private static string Field(string prefix, string name) => prefix + name;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Object => "{...}",
        JsonValueKind.Array => "[...]",
        _ => value.GetRawText(),
    };
}
