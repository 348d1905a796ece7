using System.Globalization;

namespace Serverless.Shared.Domain;

/// <summary>Checks of free text that people type, such as names, addresses and reasons.</summary>
public static class FreeText
{
    /// <summary>
    /// Throws a <see cref="ValidationException"/> naming <paramref name="field"/> when the text has a control
    /// character (U+0000 to U+001F or U+007F to U+009F), which no name or address contains.
    /// </summary>
    public static void ThrowIfControlCharacter(string field, string? value)
    {
        if (value is null)
        {
            return;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                var code = ((int)value[i]).ToString("X4", CultureInfo.InvariantCulture);
                throw new ValidationException(
                    field, value.Replace(value[i], '\uFFFD'), $"contains control character U+{code} at position {i + 1}; remove it");
            }
        }
    }
}
