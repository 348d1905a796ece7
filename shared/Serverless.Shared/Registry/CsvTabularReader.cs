using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ValidationException = Serverless.Shared.Domain.ValidationException;

namespace Serverless.Shared.Registry;

/// <summary>Streams a CSV file with CsvHelper; the first record is the header.</summary>
internal sealed class CsvTabularReader : TabularReader
{
    private readonly StreamReader text;
    private readonly CsvParser parser;
    private readonly string[] header;

    public CsvTabularReader(Stream stream, Encoding encoding)
    {
        text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectColumnCountChanges = false,
            BadDataFound = bad => throw new ValidationException(
                $"row {bad.Context.Parser?.Row}", bad.Field, "has a stray or unclosed quote"),
        };
        parser = new CsvParser(text, configuration);
        if (!parser.Read())
        {
            Dispose(disposing: true);
            throw new ValidationException("header", null, "is missing; the file is empty");
        }

        // A byte order mark is not part of the first column name.
        header = [.. (parser.Record ?? []).Select((name, i) => i == 0 ? name.TrimStart('\uFEFF') : name)];
    }

    public override IReadOnlyList<string> Header => header;

    public override IEnumerable<TabularRow> ReadRows()
    {
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            yield return new TabularRow(parser.Row, Fit(record, header.Length));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            parser.Dispose();
            text.Dispose();
        }
    }
}
