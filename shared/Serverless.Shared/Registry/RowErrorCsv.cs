using System.Globalization;
using CsvHelper;

namespace Serverless.Shared.Registry;

/// <summary>Writes the per-row error report of an import as CSV with the columns row, column, value, reason.</summary>
public sealed class RowErrorCsv : IDisposable
{
    private readonly CsvWriter csv;

    /// <summary>Creates a writer on <paramref name="writer"/>, which stays open, and writes the header.</summary>
    public RowErrorCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
    }

    /// <summary>Header of the report.</summary>
    public static IReadOnlyList<string> Header { get; } = ["row", "column", "value", "reason"];

    /// <summary>Writes the header and one line per error.</summary>
    public static void Write(TextWriter writer, IEnumerable<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        using var csv = new RowErrorCsv(writer);
        foreach (var error in errors)
        {
            csv.Add(error);
        }
    }

    /// <summary>Returns the report as text.</summary>
    public static string Format(IEnumerable<RowError> errors)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, errors);
        return writer.ToString();
    }

    /// <summary>Writes one line.</summary>
    public void Add(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        csv.WriteField(error.Row.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(error.Column);
        csv.WriteField(error.Value);
        csv.WriteField(error.Reason);
        csv.NextRecord();
    }

    /// <summary>Flushes the lines written so far to the underlying writer.</summary>
    public void Flush() => csv.Flush();

    /// <inheritdoc/>
    public void Dispose() => csv.Dispose();
}
