using System.Globalization;
using CsvHelper;

namespace Serverless.Shared.Registry;

/// <summary>Writes the per-row error report of an import as CSV with the columns row, column, value, reason.</summary>
public static class RowErrorCsv
{
    /// <summary>Header of the report.</summary>
    public static IReadOnlyList<string> Header { get; } = ["row", "column", "value", "reason"];

    /// <summary>Writes the header and one line per error.</summary>
    public static void Write(TextWriter writer, IEnumerable<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);

        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        foreach (var error in errors)
        {
            csv.WriteField(error.Row.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(error.Column);
            csv.WriteField(error.Value);
            csv.WriteField(error.Reason);
            csv.NextRecord();
        }
    }

    /// <summary>Returns the report as text.</summary>
    public static string Format(IEnumerable<RowError> errors)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, errors);
        return writer.ToString();
    }
}
