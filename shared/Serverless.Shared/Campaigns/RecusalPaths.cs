using System.Globalization;
using Serverless.Shared.Records;

namespace Serverless.Shared.Campaigns;

/// <summary>Blob paths of recusals, below the office records of their draw.</summary>
public static class RecusalPaths
{
    /// <summary>Folder name of recusals inside a draw's records.</summary>
    public const string Folder = "recusals";

    /// <summary>Prefix of every recusal of a draw.</summary>
    public static string Prefix(string drawId) => $"{DrawPaths.OfficeRecordPrefix(drawId)}{Folder}/";

    /// <summary>Path of recusal <paramref name="number"/>, zero-padded so the ordinal order is the number order.</summary>
    public static string Recusal(string drawId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix(drawId)}{number:000000}.json");
}
