using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Serverless.Shared.Data;

/// <summary>
/// Reads and writes the bundled CSV files: UTF-8 without a byte order mark, a header row, LF line ends.
/// </summary>
internal static class CsvFile
{
    /// <summary>Separator of the entries of a list field, for example the item codes of an officer.</summary>
    public const char ListSeparator = ';';

    /// <summary>Encoding of every bundled file.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        DetectColumnCountChanges = false,
    };

    /// <summary>
    /// Reads the records of a file whose header must equal <paramref name="header"/> exactly.
    /// </summary>
    /// <exception cref="Domain.ValidationException">The header, a field count or the quoting is wrong.</exception>
    public static IEnumerable<CsvRecord> Read(string path, IReadOnlyList<string> header)
    {
        var fileName = Path.GetFileName(path);
        var configuration = Configuration with
        {
            BadDataFound = bad => throw new Domain.ValidationException(
                $"{fileName} line {bad.Context.Parser?.RawRow}", bad.Field, "has a stray or unclosed quote"),
        };
        using var reader = new StreamReader(path, Encoding);
        using var csv = new CsvReader(reader, configuration);

        if (!csv.Read())
        {
            throw new Domain.ValidationException($"{fileName} line 1 header", null, "is missing");
        }

        var found = csv.Parser.Record ?? [];
        if (!found.SequenceEqual(header, StringComparer.Ordinal))
        {
            throw new Domain.ValidationException(
                $"{fileName} line 1 header",
                string.Join(',', found),
                $"does not match the expected '{string.Join(',', header)}'");
        }

        var columns = header
            .Select((name, index) => (name, index))
            .ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        while (csv.Read())
        {
            var fields = csv.Parser.Record ?? [];
            var line = csv.Parser.RawRow;
            if (fields.Length != header.Count)
            {
                throw new Domain.ValidationException(
                    $"{fileName} line {line}",
                    string.Join(',', fields),
                    $"has {fields.Length} fields, not {header.Count}");
            }

            yield return new CsvRecord(fileName, line, columns, fields);
        }
    }

    /// <summary>Formats a header and rows as the text of a bundled CSV file.</summary>
    public static string Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration))
        {
            WriteRow(csv, header);
            foreach (var row in rows)
            {
                WriteRow(csv, row);
            }
        }

        return text.ToString();
    }

    /// <summary>Joins the entries of a list field.</summary>
    public static string JoinList(IEnumerable<string> entries) => string.Join(ListSeparator, entries);

    /// <summary>
    /// Writes texts to files. Every text goes to a temporary file beside its target first, and the targets
    /// are replaced only when all temporary files are written, so a failed write leaves the targets as they were.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, string Text)> files)
    {
        var temporary = files.Select(f => f.Path + ".tmp").ToList();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                File.WriteAllText(temporary[i], files[i].Text, Encoding);
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temporary[i], files[i].Path, overwrite: true);
            }
        }
        finally
        {
            foreach (var path in temporary.Where(File.Exists))
            {
                File.Delete(path);
            }
        }
    }

    private static void WriteRow(CsvWriter csv, IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            csv.WriteField(field);
        }

        csv.NextRecord();
    }
}
