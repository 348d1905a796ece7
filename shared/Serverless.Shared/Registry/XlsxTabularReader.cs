using System.Globalization;
using MiniExcelLibs;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>
/// Streams the first sheet of an XLSX workbook with MiniExcel, which reads the sheet XML row by row.
/// Numbers are written without a group separator and dates as yyyy-MM-dd.
/// </summary>
internal sealed class XlsxTabularReader : TabularReader
{
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly string[] columns;
    private readonly string[] header;
    private long number = 1;

    public XlsxTabularReader(Stream stream)
    {
        rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .GetEnumerator();
        if (!rows.MoveNext())
        {
            rows.Dispose();
            throw new ValidationException("header", null, "is missing; the first sheet is empty");
        }

        // Cells are keyed by column letter; trailing empty header cells are not columns.
        var first = rows.Current;
        var used = first.Where(cell => !string.IsNullOrWhiteSpace(Format(cell.Value))).Select(cell => cell.Key);
        var width = first.Keys.ToList().FindLastIndex(key => used.Contains(key)) + 1;
        columns = [.. first.Keys.Take(width)];
        header = [.. columns.Select(column => Format(first[column]))];
    }

    public override IReadOnlyList<string> Header => header;

    public override IEnumerable<TabularRow> ReadRows()
    {
        while (rows.MoveNext())
        {
            number++;
            var cells = rows.Current;
            var values = columns.Select(column => cells.TryGetValue(column, out var value) ? Format(value) : "").ToArray();
            if (values.All(value => value.Length == 0))
            {
                continue;
            }

            yield return new TabularRow(number, values);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rows.Dispose();
        }
    }

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        double real => real.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
