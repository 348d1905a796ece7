using System.Globalization;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;

namespace Serverless.Http.Public;

/// <summary>Links and display texts shared by the public pages.</summary>
internal static class PublicLinks
{
    public static string File(string basePath, string blobPath) => basePath + "/files/" + EscapePath(blobPath);

    public static string Draw(string basePath, string drawId) => basePath + "/draws/" + Uri.EscapeDataString(drawId);

    public static string OfficeDraw(string basePath, string drawId, string officeCode) =>
        Draw(basePath, drawId) + "/" + Uri.EscapeDataString(officeCode);

    public static string Verify(string basePath, string drawId) => basePath + "/verify/" + Uri.EscapeDataString(drawId);

    public static string Chain(string basePath, string officeCode) => basePath + "/chain/" + Uri.EscapeDataString(officeCode);

    /// <summary>Formats an instant in China Standard Time, for example 2027-01-01 09:00（北京时间）.</summary>
    public static string ChinaTimeText(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "（北京时间）";

    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string OutcomeText(OfficeOutcome outcome) => outcome switch
    {
        OfficeOutcome.Drawn => "已抽取",
        OfficeOutcome.EmptyPool => "号池为空，未抽取",
        _ => "未抽取（不满足抽取条件）",
    };

    private static string EscapePath(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
