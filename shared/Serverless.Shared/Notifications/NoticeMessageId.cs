using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Builds Message-IDs for notices from the draw and recipient ids, so a retried send carries the same id.
/// </summary>
public static class NoticeMessageId
{
    /// <summary>Domain part of every notice Message-ID.</summary>
    public const string Domain = "notices.inspection.example";

    // RFC 5322 atext without ".", which is kept for the separator between the two ids.
    private const string AtomSymbols = "!#$&'*+-/=?^_`{|}~";

    /// <summary>
    /// Creates <c>{drawId}.{recipientId}@notices.inspection.example</c>. Characters outside RFC 5322 atext,
    /// and "." and "%" within an id, are written as %XX of their UTF-8 bytes, so the local part is a valid
    /// dot-atom and different id pairs never give the same Message-ID.
    /// </summary>
    /// <exception cref="ValidationException">An id is empty.</exception>
    public static string Create(string drawId, string recipientId)
    {
        ArgumentNullException.ThrowIfNull(drawId);
        ArgumentNullException.ThrowIfNull(recipientId);
        if (drawId.Length == 0)
        {
            throw new ValidationException(nameof(drawId), drawId, "is empty");
        }

        if (recipientId.Length == 0)
        {
            throw new ValidationException(nameof(recipientId), recipientId, "is empty");
        }

        return $"{Encode(drawId)}.{Encode(recipientId)}@{Domain}";
    }

    private static string Encode(string id)
    {
        var builder = new StringBuilder(id.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in id.EnumerateRunes())
        {
            if (rune.IsAscii && IsAtomCharacter((char)rune.Value))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private static bool IsAtomCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || AtomSymbols.Contains(c, StringComparison.Ordinal);
}
