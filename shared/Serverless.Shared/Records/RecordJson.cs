using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Serverless.Shared.Records;

/// <summary>JSON settings of every published record: camelCase, enums as names, Chinese kept readable.</summary>
public static class RecordJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BinaryData Serialize<T>(T value) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(value, Options));

    public static T Deserialize<T>(BinaryData data) =>
        data.ToObjectFromJson<T>(Options) ?? throw new JsonException($"The record is empty; expected {typeof(T).Name}.");
}
