using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Serverless.Shared.Publication;

/// <summary>Blob paths of the publication chains and the hash helper they use.</summary>
public static class ChainPaths
{
    /// <summary>Previous-entry hash of the first entry of a chain: 64 zeros.</summary>
    public static readonly string GenesisSha256 = new('0', 64);

    /// <summary>Folder of one office's chain, ending with a slash.</summary>
    public static string Prefix(string officeCode) => $"chain/{officeCode}/";

    /// <summary>Path of entry <paramref name="seq"/>, zero-padded to eight digits so that ordinal order is chain order.</summary>
    public static string Entry(string officeCode, int seq) =>
        $"chain/{officeCode}/{seq.ToString("D8", CultureInfo.InvariantCulture)}.json";

    /// <summary>Lowercase hex SHA-256 of bytes, as <c>sha256sum</c> prints it.</summary>
    public static string Sha256Hex(BinaryData content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span));
    }

    /// <summary>Lowercase hex SHA-256 of a string's UTF-8 bytes.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
