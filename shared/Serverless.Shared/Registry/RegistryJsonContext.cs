using System.Text.Json.Serialization;

namespace Serverless.Shared.Registry;

/// <summary>Source-generated JSON of registry management: stored history changes and exports.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<FieldChange>))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntry>))]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(DishonestImportReport))]
[JsonSerializable(typeof(IReadOnlyList<DrawResult>))]
[JsonSerializable(typeof(IReadOnlyList<InspectionResult>))]
[JsonSerializable(typeof(IReadOnlyList<DishonestEntry>))]
public sealed partial class RegistryJsonContext : JsonSerializerContext;
