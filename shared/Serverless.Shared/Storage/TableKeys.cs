using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// Rules for PartitionKey and RowKey values of Azure Table storage, which Azurite does not enforce: a key
/// must not contain / \ # ? or a control character (U+0000 to U+001F, U+007F to U+009F) and is at most
/// 1 KiB. This project also rejects empty keys, because every key is an id that must be present.
/// </summary>
public static class TableKeys
{
    /// <summary>Maximum size of a key in bytes. Keys are UTF-16, so this is 512 UTF-16 code units.</summary>
    public const int MaxBytes = 1024;

    /// <summary>Separator between the parts of a composite row key.</summary>
    public const char Separator = '|';

    /// <summary>Validates a key and returns null when it is valid, or the reason it is not.</summary>
    public static string? Validate(string? key)
    {
        if (key is null)
        {
            return "is missing";
        }

        if (key.Length == 0)
        {
            return "is empty";
        }

        var bytes = key.Length * sizeof(char);
        if (bytes > MaxBytes)
        {
            return $"is {bytes} bytes as UTF-16, more than the {MaxBytes} bytes allowed in a table key";
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?')
            {
                return $"contains '{c}' at position {i + 1}, which table keys must not contain";
            }

            if (char.IsControl(c))
            {
                var code = ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                return $"contains control character U+{code} at position {i + 1}, which table keys must not contain";
            }
        }

        return null;
    }

    /// <summary>Throws <see cref="ValidationException"/> naming <paramref name="field"/> for an invalid key.</summary>
    public static void ThrowIfInvalid(string field, [NotNull] string? key)
    {
        var reason = Validate(key);
        if (key is null || reason is not null)
        {
            throw new ValidationException(field, key, reason ?? "is missing");
        }
    }

    /// <summary>
    /// Throws <see cref="ValidationException"/> unless the key is valid and free of <see cref="Separator"/>.
    /// The first part of a composite row key must not contain the separator, so that the key splits one way only.
    /// </summary>
    public static void ThrowIfInvalidKeyPart(string field, [NotNull] string? key)
    {
        ThrowIfInvalid(field, key);
        var index = key.IndexOf(Separator, StringComparison.Ordinal);
        if (index >= 0)
        {
            throw new ValidationException(
                field, key, $"contains '{Separator}' at position {index + 1}, which separates the parts of row keys");
        }
    }

    /// <summary>Joins two key parts into one row key with <see cref="Separator"/>.</summary>
    public static string Join(string first, string second) => string.Concat(first, Separator.ToString(), second);
}
