using System.Security.Cryptography;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>
/// The published pool file: one credit code per line in pool order, each line ended by "\n", UTF-8 without
/// a byte order mark. <c>sha256sum</c> of the file prints <see cref="Sha256Hex"/>.
/// </summary>
public static class PoolFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Formats the pool file text.</summary>
    public static string Format(IReadOnlyList<PoolEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder(entries.Count * (CreditCode.Length + 1));
        foreach (var entry in entries)
        {
            text.Append(entry.CreditCode).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Encodes the pool file as its exact bytes.</summary>
    public static byte[] ToBytes(IReadOnlyList<PoolEntry> entries) => Utf8.GetBytes(Format(entries));

    /// <summary>Computes the lowercase hex SHA-256 of the pool file bytes.</summary>
    public static string Sha256Hex(IReadOnlyList<PoolEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> line = stackalloc byte[256];
        foreach (var entry in entries)
        {
            var length = Utf8.GetByteCount(entry.CreditCode) + 1;
            var buffer = length <= line.Length ? line[..length] : new byte[length];
            Utf8.GetBytes(entry.CreditCode, buffer);
            buffer[^1] = (byte)'\n';
            hash.AppendData(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Parses pool file text back into its credit codes, in file order. Checks every line is a valid credit
    /// code, the codes are in ascending ordinal order without repeats, and the text ends with "\n".
    /// </summary>
    /// <exception cref="ValidationException">The text breaks one of those rules. The value names the line.</exception>
    public static IReadOnlyList<string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        if (text[^1] != '\n')
        {
            throw new ValidationException("poolFile", "last line", "does not end with \\n");
        }

        var lines = text[..^1].Split('\n');
        var codes = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i];
            var lineName = $"line {i + 1}";
            if (CreditCode.Validate(code) is { } reason)
            {
                throw new ValidationException("poolFile", lineName, $"is not a credit code: it {reason}");
            }

            if (codes.Count > 0 && string.CompareOrdinal(codes[^1], code) >= 0)
            {
                throw new ValidationException(
                    "poolFile", lineName, $"is {code}, which does not sort after {codes[^1]} (ordinal order)");
            }

            codes.Add(code);
        }

        return codes;
    }
}
