using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>The random inspection item list (items.json): a JSON array of <see cref="InspectionItem"/>.</summary>
internal static class ItemFile
{
    public const string FileName = "items.json";

    /// <summary>Reads and validates the items. Codes must be unique and every text field filled.</summary>
    public static IReadOnlyList<InspectionItem> Read(string path)
    {
        var items = new List<InspectionItem>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, item) in JsonFile.ReadArray<InspectionItem>(path))
        {
            Check(line, item);
            if (!codes.Add(item.Code))
            {
                throw Invalid(line, "code", item.Code, "is a duplicate of an earlier item");
            }

            items.Add(item);
        }

        return items;
    }

    private static void Check(int line, InspectionItem item)
    {
        if (!IsCode(item.Code))
        {
            throw Invalid(line, "code", item.Code, "is not a code of capital letters, digits and hyphens");
        }

        RequireText(line, "category", item.Category);
        RequireText(line, "content", item.Content);
        RequireText(line, "legalBasis", item.LegalBasis);
        RequireText(line, "method", item.Method);
        RequireText(line, "frequency", item.Frequency);
        if (item.Ratio is <= 0 or > 1)
        {
            var ratio = item.Ratio.ToString(CultureInfo.InvariantCulture);
            throw Invalid(line, "ratio", ratio, "is not above 0 and at most 1");
        }

        if (item.Version < 1)
        {
            throw Invalid(line, "version", item.Version.ToString(CultureInfo.InvariantCulture), "is less than 1");
        }
    }

    private static bool IsCode(string code) =>
        code.Length > 0 && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    private static void RequireText(int line, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(line, field, value, "is missing");
        }
    }

    private static ValidationException Invalid(int line, string field, string? value, string reason) =>
        new($"{FileName} line {line} {field}", value, reason);
}
