namespace Serverless.Shared.Domain;

/// <summary>
/// Unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
/// alphabet without I, O, S, V and Z, where the last one is a check character over the first 17.
/// </summary>
public static class CreditCode
{
    /// <summary>The code alphabet; a character's position in it is its numeric value.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Number of characters in a code.</summary>
    public const int Length = 18;

    // Weight of position i is 3^i mod 31, as tabulated in GB 32100-2015.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// Computes the check character for the first 17 characters of a code.
    /// </summary>
    /// <exception cref="ArgumentException">The body is not 17 characters of the alphabet.</exception>
    public static char ComputeCheckCharacter(ReadOnlySpan<char> body)
    {
        if (body.Length != Length - 1)
        {
            throw new ArgumentException($"A credit code body has {Length - 1} characters, not {body.Length}.", nameof(body));
        }

        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var value = Alphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"Character '{body[i]}' at position {i + 1} is not in the credit code alphabet.", nameof(body));
            }

            sum += value * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return Alphabet[check];
    }

    /// <summary>
    /// Validates a code and returns null when it is valid, or the reason it is not.
    /// </summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "is missing";
        }

        if (code.Length != Length)
        {
            return $"has {code.Length} characters, not {Length}";
        }

        for (var i = 0; i < code.Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                return char.IsAsciiLetterLower(code[i])
                    ? $"has lowercase letter '{code[i]}' at position {i + 1}; codes use capitals only"
                    : $"has character '{code[i]}' at position {i + 1}, which is not in the GB 32100-2015 alphabet";
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return $"has '{code[i]}' at position {i + 1}, but positions 3 to 8 are a GB/T 2260 division code";
            }
        }

        var expected = ComputeCheckCharacter(code.AsSpan(0, Length - 1));
        return code[Length - 1] == expected
            ? null
            : $"has check character '{code[Length - 1]}', but the first 17 characters give '{expected}'";
    }

    /// <summary>Returns true when the code is valid.</summary>
    public static bool IsValid(string? code) => Validate(code) is null;
}
