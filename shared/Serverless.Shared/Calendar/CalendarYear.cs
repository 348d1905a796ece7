using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Serverless.Shared.Calendar;

/// <summary>
/// One year of the mainland China holiday arrangement (放假调休) that the State Council publishes: the public
/// holidays (days off) and the make-up working days (调休上班) on weekends, each with the name of its holiday.
/// Instances come from <see cref="CalendarYearParser"/>, so every date lies in <see cref="Year"/>, no date is both
/// kinds of day and every make-up working day is a Saturday or Sunday.
/// </summary>
public sealed class CalendarYear
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal CalendarYear(
        int year, SortedDictionary<DateOnly, string> holidays, SortedDictionary<DateOnly, string> workdays)
    {
        Year = year;
        Holidays = holidays;
        Workdays = workdays;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>Days off, in date order, with the name of their holiday.</summary>
    public IReadOnlyDictionary<DateOnly, string> Holidays { get; }

    /// <summary>Make-up working days on weekends, in date order, with the name of their holiday.</summary>
    public IReadOnlyDictionary<DateOnly, string> Workdays { get; }

    /// <summary>
    /// Writes the year in the format of the bundled files, dates in order. Equal years give equal bytes, so the
    /// SHA-256 of the output identifies the content.
    /// </summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", Year);
            WriteDates(writer, "holidays", Holidays);
            WriteDates(writer, "workdays", Workdays);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Returns the lowercase hex SHA-256 of <see cref="ToJson"/>.</summary>
    public string ComputeSha256() => Convert.ToHexStringLower(SHA256.HashData(ToJson()));

    /// <summary>Formats a date as the files write it, yyyy-MM-dd.</summary>
    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteDates(Utf8JsonWriter writer, string name, IReadOnlyDictionary<DateOnly, string> dates)
    {
        writer.WriteStartObject(name);
        foreach (var (date, holiday) in dates)
        {
            writer.WriteString(FormatDate(date), holiday);
        }

        writer.WriteEndObject();
    }
}
