using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;

namespace Serverless.Shared.Storage;

/// <summary>Conversions between domain values and table property values.</summary>
internal static class StoredValues
{
    // Relaxed escaping keeps Chinese text readable in the stored JSON; the values never reach HTML.
    private static readonly StoredJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Stores a list of strings as a JSON array.</summary>
    public static string FromList(IReadOnlyList<string> values) =>
        JsonSerializer.Serialize(values, Json.IReadOnlyListString);

    /// <summary>Reads a list stored by <see cref="FromList"/>.</summary>
    public static IReadOnlyList<string> ToList(TableEntity entity, string name) =>
        JsonSerializer.Deserialize(RequireString(entity, name), Json.StringArray)
        ?? throw InvalidProperty(entity, name);

    /// <summary>Stores a string map as a JSON object.</summary>
    public static string FromMap(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(values, Json.IReadOnlyDictionaryStringString);

    /// <summary>Reads a map stored by <see cref="FromMap"/>.</summary>
    public static IReadOnlyDictionary<string, string> ToMap(TableEntity entity, string name) =>
        JsonSerializer.Deserialize(RequireString(entity, name), Json.DictionaryStringString)
        ?? throw InvalidProperty(entity, name);

    /// <summary>Stores a decimal as invariant text, because table properties have no decimal type.</summary>
    public static string FromDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a decimal stored by <see cref="FromDecimal"/>.</summary>
    public static decimal ToDecimal(TableEntity entity, string name) =>
        decimal.Parse(RequireString(entity, name), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Reads an optional decimal stored by <see cref="FromDecimal"/>.</summary>
    public static decimal? ToNullableDecimal(TableEntity entity, string name) =>
        entity.GetString(name) is { } text
            ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Reads an enum stored by its name.</summary>
    public static TEnum ToEnum<TEnum>(TableEntity entity, string name)
        where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(RequireString(entity, name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw InvalidProperty(entity, name);

    /// <summary>Reads a string property that every entity of its table has.</summary>
    public static string RequireString(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw InvalidProperty(entity, name);

    /// <summary>Reads an Int32 property that every entity of its table has.</summary>
    public static int RequireInt32(TableEntity entity, string name) =>
        entity.GetInt32(name) ?? throw InvalidProperty(entity, name);

    /// <summary>Reads a Boolean property that every entity of its table has.</summary>
    public static bool RequireBoolean(TableEntity entity, string name) =>
        entity.GetBoolean(name) ?? throw InvalidProperty(entity, name);

    /// <summary>Reads a DateTime property that every entity of its table has.</summary>
    public static DateTimeOffset RequireDateTimeOffset(TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name) ?? throw InvalidProperty(entity, name);

    /// <summary>Reads a date property that every entity of its table has.</summary>
    public static DateOnly RequireDate(TableEntity entity, string name) =>
        DateOnly.FromDateTime(RequireDateTimeOffset(entity, name).UtcDateTime);

    private static InvalidDataException InvalidProperty(TableEntity entity, string name) =>
        new($"Table entity '{entity.PartitionKey}'/'{entity.RowKey}' has a missing or invalid {name} property.");
}
