using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>
/// Key string and hash values of RFC 3797 (Publicly Verifiable Nominations Committee Random Selection).
/// </summary>
public static class Rfc3797
{
    /// <summary>Largest index: the RFC brackets the key with the index as two bytes.</summary>
    public const int MaxIndex = ushort.MaxValue;

    /// <summary>
    /// Builds the key string from the sources, in their given order. A source made only of decimal integers
    /// separated by white space becomes those integers without leading zeros, sorted ascending, each followed
    /// by ".". Any other source is text: accents, white space, punctuation and every character outside A-Z
    /// and 0-9 are removed, letters are set to upper case, and "." is appended. Each source ends with "/".
    /// </summary>
    /// <remarks>
    /// Because each source is formatted alone, the key of sources A followed by B is the key of A followed by
    /// the key of B. Text keeps only ASCII letters and digits, so Chinese characters do not reach the key.
    /// </remarks>
    /// <exception cref="ValidationException">There is no source, or one has no letter or digit.</exception>
    public static string BuildKey(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            throw new ValidationException("entropySources", null, "is empty. Declare at least one source");
        }

        var key = new StringBuilder();
        foreach (var source in sources)
        {
            AppendSource(key, source);
        }

        return key.ToString();
    }

    /// <summary>
    /// Computes the MD5 digest of the index as two bytes big-endian, the key's ASCII bytes and the index again,
    /// read as an unsigned big-endian 128-bit integer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative or above 65,535.</exception>
    public static UInt128 ValueAt(string key, int index)
    {
        ArgumentNullException.ThrowIfNull(key);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetByteCount(key) + 4);
        try
        {
            var length = WriteKeyBytes(key, buffer);
            return ValueAt(buffer.AsSpan(0, length), index);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Formats a value as 32 upper-case hex digits, the way RFC 3797 prints its example.</summary>
    public static string ToHex(UInt128 value) => value.ToString("X32", CultureInfo.InvariantCulture);

    /// <summary>Writes the key's ASCII bytes from offset 2 and returns the length with 2 bytes on each side.</summary>
    internal static int WriteKeyBytes(string key, byte[] buffer)
    {
        if (!Ascii.IsValid(key))
        {
            throw new ArgumentException(
                "The key contains a non-ASCII character. Build RFC 3797 keys with Rfc3797.BuildKey.", nameof(key));
        }

        var keyLength = Encoding.ASCII.GetBytes(key, 0, key.Length, buffer, 2);
        return keyLength + 4;
    }

    /// <summary>Hashes a buffer laid out by <see cref="WriteKeyBytes"/> after writing the index into it.</summary>
    internal static UInt128 ValueAt(Span<byte> bracketedKey, int index)
    {
        if (index is < 0 or > MaxIndex)
        {
            throw new ArgumentOutOfRangeException(
                nameof(index), index, $"An RFC 3797 index is from 0 to {MaxIndex}, the range of two bytes.");
        }

        var value = (ushort)index;
        BinaryPrimitives.WriteUInt16BigEndian(bracketedKey, value);
        BinaryPrimitives.WriteUInt16BigEndian(bracketedKey[^2..], value);

        Span<byte> digest = stackalloc byte[16];
        Md5Digest.Hash(bracketedKey, digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }

    private static void AppendSource(StringBuilder key, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var numbers = source.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (numbers.Length > 0 && Array.TrueForAll(numbers, IsDecimalInteger))
        {
            var canonical = Array.ConvertAll(numbers, TrimLeadingZeros);

            // Without leading zeros, a shorter digit string is a smaller number, so this sort is numeric.
            Array.Sort(canonical, (a, b) => a.Length != b.Length
                ? a.Length.CompareTo(b.Length)
                : string.CompareOrdinal(a, b));
            foreach (var number in canonical)
            {
                key.Append(number).Append('.');
            }

            key.Append('/');
            return;
        }

        var start = key.Length;
        foreach (var character in source.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                key.Append(char.ToUpperInvariant(character));
            }
        }

        if (key.Length == start)
        {
            throw new ValidationException(
                "entropySources", source, "has no letter A-Z or digit 0-9, so it adds nothing to the key");
        }

        key.Append("./");
    }

    private static bool IsDecimalInteger(string token)
    {
        foreach (var character in token)
        {
            if (!char.IsAsciiDigit(character))
            {
                return false;
            }
        }

        return true;
    }

    private static string TrimLeadingZeros(string digits)
    {
        var trimmed = digits.TrimStart('0');
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
