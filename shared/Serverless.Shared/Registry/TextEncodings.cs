using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>Encodings of CSV files: UTF-8, and GB18030, which Chinese spreadsheet programs often write.</summary>
public static class TextEncodings
{
    /// <summary>Number of bytes read from the start of a file to tell UTF-8 from GB18030.</summary>
    public const int SniffBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 without a byte order mark.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>GB18030 (code page 54936), from the code page provider that ships with .NET.</summary>
    public static Encoding Gb18030 { get; } = LoadGb18030();

    /// <summary>
    /// Returns the encoding named on a command line or in a request: <c>utf-8</c>, <c>gb18030</c>, or null
    /// for automatic detection.
    /// </summary>
    public static Encoding? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AUTO" => null,
        "UTF-8" or "UTF8" => Utf8,
        "GB18030" => Gb18030,
        _ => throw new ValidationException("encoding", name, "is not one of auto, utf-8 and gb18030"),
    };

    /// <summary>
    /// Detects the encoding of a seekable stream and leaves it at its start. A UTF-8 byte order mark or a
    /// first <see cref="SniffBytes"/> bytes that decode as UTF-8 give UTF-8; anything else is taken as GB18030.
    /// </summary>
    /// <remarks>NOTE: a file whose first non-UTF-8 byte lies after <see cref="SniffBytes"/> is read as UTF-8.</remarks>
    public static Encoding Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("Encoding detection needs a seekable stream.", nameof(stream));
        }

        var start = stream.Position;
        var buffer = new byte[SniffBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        stream.Position = start;
        return IsUtf8(buffer.AsSpan(0, length), complete: length < buffer.Length) ? Utf8 : Gb18030;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            return true;
        }

        // A cut in the middle of a multi-byte character at the end of the sample is not an error.
        var end = complete ? bytes.Length : TrimPartialCharacter(bytes);
        try
        {
            StrictUtf8.GetCharCount(bytes[..end]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int TrimPartialCharacter(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: keep it only when its sequence is complete.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed <= back ? bytes.Length : bytes.Length - back;
            }
        }

        return bytes.Length;
    }

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }
}
