using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Http.Registry;

/// <summary>Source-generated JSON of the registry handlers: camel-case names, enums by name.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DeclarationForm))]
[JsonSerializable(typeof(DeclarationView))]
[JsonSerializable(typeof(List<DeclarationView>))]
[JsonSerializable(typeof(DecisionBody))]
[JsonSerializable(typeof(StatusChangeBody))]
[JsonSerializable(typeof(StatusChangeResult))]
[JsonSerializable(typeof(List<Officer>))]
[JsonSerializable(typeof(List<Employer>))]
internal sealed partial class RegistryHttpJson : JsonSerializerContext;
