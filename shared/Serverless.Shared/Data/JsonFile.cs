using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// Reads the bundled JSON files: one array of objects with camelCase names and enum members as names.
/// </summary>
internal static class JsonFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Reads an array of <typeparamref name="T"/>, each with the line on which its object starts.
    /// </summary>
    /// <exception cref="ValidationException">The file is not valid JSON, or an element does not fit.</exception>
    public static IReadOnlyList<(int Line, T Value)> ReadArray<T>(string path)
    {
        var fileName = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);

        // Editors on Windows may add a byte order mark, which the serializer does not skip.
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            var values = JsonSerializer.Deserialize<List<T>>(bytes, Options)
                ?? throw new ValidationException(fileName, "null", "is not a JSON array");
            var lines = ElementLines(bytes);
            return values.Select((value, index) => (lines[index], value)).ToList();
        }
        catch (JsonException exception)
        {
            // The message repeats the path and a zero-based line number, which the field already gives.
            var message = exception.Message;
            var position = message.IndexOf(" Path: ", StringComparison.Ordinal);
            throw new ValidationException(
                $"{fileName} line {exception.LineNumber + 1} {exception.Path}",
                null,
                $"could not be read: {(position < 0 ? message : message[..position])}");
        }
    }

    // The serializer does not report positions of values it read, so a reader pass finds the line on
    // which each element of the top-level array starts.
    private static List<int> ElementLines(byte[] bytes)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes);
        var line = 1;
        var counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
            counted = start;
            lines.Add(line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return lines;
    }
}
