using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>
/// Reads the cells of one import row by header name and collects an error for each invalid cell, so a row
/// reports every problem at once.
/// </summary>
internal sealed class CellReader
{
    /// <summary>Separator of the entries of a list cell, as in the bundled registry files.</summary>
    public const char ListSeparator = ';';

    private readonly IReadOnlyDictionary<string, int> columns;
    private readonly TabularRow row;
    private readonly Action<RowError> addError;

    /// <summary>Creates a reader that passes each error of the row to <paramref name="addError"/>.</summary>
    public CellReader(IReadOnlyDictionary<string, int> columns, TabularRow row, Action<RowError> addError)
    {
        this.columns = columns;
        this.row = row;
        this.addError = addError;
    }

    /// <summary>True when no cell of this row was rejected.</summary>
    public bool IsValid { get; private set; } = true;

    public void Reject(string column, string value, string reason)
    {
        IsValid = false;
        addError(new RowError(row.Number, column, value, reason));
    }

    /// <summary>Returns the trimmed text of a cell.</summary>
    public string Text(string column) => row.Values[columns[column]].Trim();

    /// <summary>Returns the text of a required cell of at most <paramref name="maxLength"/> characters.</summary>
    public string Required(string column, int maxLength)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            Reject(column, value, "is missing");
        }
        else if (value.Length > maxLength)
        {
            Reject(column, Shorten(value), $"has {value.Length} characters, more than {maxLength}");
        }

        return value;
    }

    /// <summary>Returns the text of an optional cell of at most <paramref name="maxLength"/> characters.</summary>
    public string Optional(string column, int maxLength)
    {
        var value = Text(column);
        if (value.Length > maxLength)
        {
            Reject(column, Shorten(value), $"has {value.Length} characters, more than {maxLength}");
        }

        return value;
    }

    public int Integer(string column, int minimum, int maximum)
    {
        var value = Text(column);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            Reject(column, value, "is not a whole number");
        }
        else if (number < minimum || number > maximum)
        {
            Reject(column, value, $"is outside {minimum} to {maximum}");
        }

        return number;
    }

    /// <summary>Reads a date written as yyyy-MM-dd.</summary>
    public DateOnly Date(string column)
    {
        var value = Text(column);
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Reject(column, value, "is not a date written as yyyy-MM-dd");
        }

        return date;
    }

    /// <summary>Reads an enum by its name or by one of the extra <paramref name="labels"/>; empty gives the default.</summary>
    public TEnum Enum<TEnum>(string column, TEnum? whenEmpty, IReadOnlyDictionary<string, TEnum>? labels = null)
        where TEnum : struct, Enum
    {
        var value = Text(column);
        if (value.Length == 0 && whenEmpty is { } fallback)
        {
            return fallback;
        }

        if (labels is not null && labels.TryGetValue(value, out var labelled))
        {
            return labelled;
        }

        if (System.Enum.TryParse<TEnum>(value, ignoreCase: false, out var parsed) && System.Enum.IsDefined(parsed)
            && !char.IsAsciiDigit(value.FirstOrDefault()))
        {
            return parsed;
        }

        var names = string.Join(", ", System.Enum.GetNames<TEnum>().Concat(labels?.Keys ?? []));
        Reject(column, value, $"is not one of {names}");
        return default;
    }

    /// <summary>Reads a list cell whose entries are separated by <see cref="ListSeparator"/>.</summary>
    public IReadOnlyList<string> List(string column) =>
        Text(column).Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Cuts a long value for the error report.</summary>
    public static string Shorten(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 57), "...");
}
