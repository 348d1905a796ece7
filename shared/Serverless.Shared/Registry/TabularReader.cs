using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>
/// Streams the rows of a CSV or XLSX file. The header is read first, and data rows are read one at a time, so
/// memory does not grow with the file.
/// </summary>
public abstract class TabularReader : IDisposable
{
    /// <summary>Columns of the header row.</summary>
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Opens a reader on a seekable stream. A CSV file's encoding is detected unless given.
    /// </summary>
    /// <exception cref="ValidationException">The file is empty or has no header row.</exception>
    public static TabularReader Open(Stream stream, TabularFormat format, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return format switch
        {
            TabularFormat.Csv => new CsvTabularReader(stream, encoding ?? TextEncodings.Detect(stream)),
            TabularFormat.Xlsx => new XlsxTabularReader(stream),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "is not a defined TabularFormat"),
        };
    }

    /// <summary>Returns the format a file name's extension names, or raises a <see cref="ValidationException"/>.</summary>
    public static TabularFormat FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".CSV" => TabularFormat.Csv,
            ".XLSX" => TabularFormat.Xlsx,
            _ => throw new ValidationException("file", fileName, "has neither a .csv nor an .xlsx extension"),
        };
    }

    /// <summary>Reads the data rows after the header, each padded or cut to the header's width.</summary>
    public abstract IEnumerable<TabularRow> ReadRows();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying reader.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Returns the row's values with exactly <paramref name="width"/> entries.</summary>
    protected static string[] Fit(IReadOnlyList<string> values, int width)
    {
        ArgumentNullException.ThrowIfNull(values);
        var fitted = new string[width];
        for (var i = 0; i < width; i++)
        {
            fitted[i] = i < values.Count ? values[i] : string.Empty;
        }

        return fitted;
    }
}
