using System.Globalization;
using Azure.Data.Tables;

namespace Serverless.Shared.Registry;

/// <summary>Compares table entities field by field, with values as invariant text.</summary>
internal static class EntityDiff
{
    /// <summary>
    /// Returns the fields whose values differ, in ordinal order of their names, or every field when
    /// <paramref name="before"/> is null.
    /// </summary>
    public static List<FieldChange> Compare(TableEntity? before, TableEntity after)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        names.UnionWith(after.Keys.Where(IsField));
        if (before is not null)
        {
            names.UnionWith(before.Keys.Where(IsField));
        }

        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var oldValue = before is null ? null : Format(ValueOf(before, name));
            var newValue = Format(ValueOf(after, name));
            if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(CamelCase(name), oldValue, newValue));
            }
        }

        return changes;
    }

    /// <summary>Formats a property value; dates at midnight UTC as yyyy-MM-dd, other times in ISO 8601.</summary>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTimeOffset time => FormatTime(time.ToUniversalTime()),
        DateTime time => FormatTime(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Returns a property's value, or null when the entity lacks it.</summary>
    public static object? ValueOf(TableEntity? entity, string name) =>
        entity is not null && entity.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Returns whether a property is a registry field: neither a system property of Table storage nor one that
    /// carries the row's latest change.
    /// </summary>
    public static bool IsField(string name) =>
        name is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
        && !TableHistoryStore.IsChangeProperty(name);

    private static string FormatTime(DateTimeOffset time) => time.TimeOfDay == TimeSpan.Zero
        ? time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : time.ToString("O", CultureInfo.InvariantCulture);

    public static string CamelCase(string name) =>
        string.Concat(char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
