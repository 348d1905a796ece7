using Azure.Data.Tables;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// Limits of Azure Table storage that Azurite does not enforce. Dates start at 1601-01-01 and strings have at
/// most 32K UTF-16 code units. An entity has at most 252 properties besides PartitionKey, RowKey and Timestamp
/// and at most 1 MiB. A transaction has at most 100 operations, all on one partition.
/// </summary>
public static class TableLimits
{
    /// <summary>Maximum number of operations in one entity group transaction.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>Maximum length of a string property in UTF-16 code units (64 KiB).</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>Maximum size of a binary property in bytes.</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>Maximum number of properties besides PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>Maximum size of an entity in bytes.</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>Earliest date a DateTime property can hold.</summary>
    public static DateTimeOffset MinDate { get; } = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Converts a date to the value stored for it: midnight UTC of that day, or null. Throws
    /// <see cref="ValidationException"/> naming <paramref name="field"/> for a date before 1601-01-01.
    /// </summary>
    public static DateTimeOffset? ToStoredDate(string field, DateOnly? date)
    {
        if (date is not { } day)
        {
            return null;
        }

        var value = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        ThrowIfBeforeMinDate(field, value);
        return value;
    }

    /// <summary>Converts a stored date back to the day it was written for.</summary>
    public static DateOnly? FromStoredDate(DateTimeOffset? value) =>
        value is { } stored ? DateOnly.FromDateTime(stored.UtcDateTime) : null;

    /// <summary>Throws <see cref="ValidationException"/> naming <paramref name="field"/> before 1601-01-01.</summary>
    public static void ThrowIfBeforeMinDate(string field, DateTimeOffset value)
    {
        if (value < MinDate)
        {
            throw new ValidationException(
                field, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                "is before 1601-01-01, the earliest date Azure Table storage accepts");
        }
    }

    /// <summary>
    /// Validates the keys and every property of an entity against the limits of Azure Table storage.
    /// Throws <see cref="ValidationException"/> naming <paramref name="field"/> and the property, for example
    /// <c>employers[3].address</c>; content too large for a table belongs in a blob.
    /// </summary>
    public static void ThrowIfInvalid(string field, TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);

        TableKeys.ThrowIfInvalid($"{field}.partitionKey", entity.PartitionKey);
        TableKeys.ThrowIfInvalid($"{field}.rowKey", entity.RowKey);

        var count = 0;
        foreach (var (name, value) in entity)
        {
            if (IsSystemProperty(name))
            {
                continue;
            }

            count++;
            ThrowIfInvalidProperty(PropertyField(field, name), value);
        }

        if (count > MaxCustomProperties)
        {
            throw new ValidationException(
                field, null, $"has {count} properties, more than the {MaxCustomProperties} a table entity can have");
        }

        var size = EstimateSize(entity);
        if (size > MaxEntityBytes)
        {
            throw new ValidationException(
                field, null,
                $"is about {size} bytes, more than the {MaxEntityBytes} bytes of a table entity; store it in a blob");
        }
    }

    /// <summary>
    /// Estimates the stored size of an entity in bytes with the formula Microsoft published for Table storage.
    /// The size is 4 + 2 * (key lengths), plus 8 + 2 * (name length) + the value size for each property.
    /// A string value is 4 + 2 * length, binary 4 + length, a DateTime, double or Int64 8, an Int32 4, a Guid 16
    /// and a bool 1.
    /// </summary>
    public static long EstimateSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);

        long size = 4 + (2L * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)));
        foreach (var (name, value) in entity)
        {
            if (IsSystemProperty(name) || value is null)
            {
                continue;
            }

            size += 8 + (2L * name.Length) + ValueSize(value);
        }

        return size;
    }

    /// <summary>
    /// Splits operations into transactions that Azure Table storage accepts: grouped by partition key, in the
    /// order each partition first appears, and at most <see cref="MaxTransactionActions"/> operations each.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TableTransactionAction>> ChunkTransactions(
        IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);

        var transactions = new List<IReadOnlyList<TableTransactionAction>>();
        foreach (var partition in actions.GroupBy(action => action.Entity.PartitionKey, StringComparer.Ordinal))
        {
            transactions.AddRange(partition.Chunk(MaxTransactionActions));
        }

        return transactions;
    }

    private static void ThrowIfInvalidProperty(string field, object? value)
    {
        switch (value)
        {
            case string text when text.Length > MaxStringLength:
                throw new ValidationException(
                    field, string.Concat(text.AsSpan(0, 40), "..."),
                    $"has {text.Length} characters, more than the {MaxStringLength} of a table property; " +
                    "store it in a blob");
            case byte[] bytes when bytes.Length > MaxBinaryBytes:
                throw new ValidationException(
                    field, null, $"has {bytes.Length} bytes, more than the {MaxBinaryBytes} of a table property");
            case BinaryData data when data.ToMemory().Length > MaxBinaryBytes:
                throw new ValidationException(
                    field, null,
                    $"has {data.ToMemory().Length} bytes, more than the {MaxBinaryBytes} of a table property");
            case DateTimeOffset time:
                ThrowIfBeforeMinDate(field, time);
                break;
            case DateTime time:
                ThrowIfBeforeMinDate(field, new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
                break;
            default:
                break;
        }
    }

    private static long ValueSize(object value) => value switch
    {
        string text => 4 + (2L * text.Length),
        byte[] bytes => 4 + bytes.Length,
        BinaryData data => 4 + data.ToMemory().Length,
        bool => 1,
        int => 4,
        Guid => 16,
        _ => 8,
    };

    private static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";

    private static string PropertyField(string field, string name) =>
        string.Concat(field, ".", char.ToLowerInvariant(name[0]).ToString(), name.AsSpan(1));
}
