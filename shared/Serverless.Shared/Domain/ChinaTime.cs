namespace Serverless.Shared.Domain;

/// <summary>China Standard Time (Asia/Shanghai, UTC+8 without daylight saving), in which plans are written.</summary>
public static class ChinaTime
{
    /// <summary>The Asia/Shanghai zone; .NET maps the IANA id on Windows too.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>Returns the calendar date in China of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
