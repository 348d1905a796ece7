using System.Text.Json.Serialization;

namespace Serverless.Shared.Storage;

/// <summary>
/// Source-generated JSON metadata for the list and map properties of table entities, so that storage works
/// where reflection-based serialization is disabled (trimmed or native AOT builds).
/// </summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class StoredJsonContext : JsonSerializerContext;
