using System.Globalization;
using System.Net.Mail;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// One data row of a bundled CSV file, with typed accessors that reject bad values with a
/// <see cref="ValidationException"/> naming the file, the line, the column and the value.
/// </summary>
internal sealed class CsvRecord
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly string fileName;
    private readonly Dictionary<string, int> columns;
    private readonly string[] fields;

    public CsvRecord(string fileName, int line, Dictionary<string, int> columns, string[] fields)
    {
        this.fileName = fileName;
        this.columns = columns;
        this.fields = fields;
        Line = line;
    }

    /// <summary>Line of the row in its file, from 1 (the header is line 1).</summary>
    public int Line { get; }

    /// <summary>Returns the raw text of a column.</summary>
    public string Text(string column) => fields[columns[column]];

    /// <summary>Returns the text of a column that must not be blank.</summary>
    public string Required(string column)
    {
        var text = Text(column);
        return string.IsNullOrWhiteSpace(text) ? throw Invalid(column, text, "is missing") : text;
    }

    /// <summary>Returns the text of a column, or null when it is empty.</summary>
    public string? Optional(string column)
    {
        var text = Text(column);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Parses a column holding the name of a member of <typeparamref name="T"/>.</summary>
    public T Enum<T>(string column)
        where T : struct, Enum
    {
        var text = Text(column);
        return System.Enum.GetNames<T>().Contains(text, StringComparer.Ordinal)
            ? System.Enum.Parse<T>(text)
            : throw Invalid(column, text, $"is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }

    /// <summary>Parses a column holding a whole number of at least <paramref name="minimum"/>.</summary>
    public int Integer(string column, int minimum)
    {
        var text = Text(column);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(column, text, "is not a whole number");
        }

        return value >= minimum ? value : throw Invalid(column, text, $"is less than {minimum}");
    }

    /// <summary>Parses a column holding a date in the form yyyy-MM-dd.</summary>
    public DateOnly Date(string column) => OptionalDate(column) ?? throw Invalid(column, string.Empty, "is missing");

    /// <summary>Parses a column holding a date in the form yyyy-MM-dd, or null when it is empty.</summary>
    public DateOnly? OptionalDate(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid(column, text, $"is not a date in the form {DateFormat}");
    }

    /// <summary>Returns a column holding a bare email address, without a display name.</summary>
    public string Email(string column)
    {
        var text = Text(column);
        return MailAddress.TryCreate(text, out var address) && address.Address == text
            ? text
            : throw Invalid(column, text, "is not an email address");
    }

    /// <summary>Splits a list column into its entries. An empty column gives an empty list.</summary>
    public IReadOnlyList<string> List(string column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return [];
        }

        var entries = text.Split(CsvFile.ListSeparator);
        return entries.Any(string.IsNullOrWhiteSpace)
            ? throw Invalid(column, text, $"has an empty entry between '{CsvFile.ListSeparator}' separators")
            : entries;
    }

    /// <summary>Creates the exception for a rejected value of a column of this row.</summary>
    public ValidationException Invalid(string column, string? value, string reason) =>
        new($"{fileName} line {Line} {column}", value, reason);

    /// <summary>Formats a date the way the bundled files store it.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
