using Microsoft.Extensions.Options;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Notifications;

/// <summary>Draw data shared by the notice tests: one draw of Futian District with two targets.</summary>
internal static class NoticeSamples
{
    public const string DrawId = "440304-2026-06-01-Q2";
    public const string PlanName = "2026年第二季度劳动用工双随机抽查";
    public const string OfficeName = "深圳市福田区人力资源局";
    public const string FromAddress = "notices@hrss.gd.example";
    public const string FromName = "广东省人力资源和社会保障厅劳动保障监察";

    public static readonly DateOnly Deadline = new(2026, 7, 5);
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 1, 30, 0, TimeSpan.Zero);

    public static readonly Officer Leader = CreateOfficer("GD-0101", "王建国", "wang.jianguo@hrss.gd.example");
    public static readonly Officer Member = CreateOfficer("GD-0102", "李晓梅", "13800138000@hrss.gd.example");
    public static readonly Officer ThirdMember = CreateOfficer("GD-0103", "陈志强", "chen.zhiqiang@hrss.gd.example");

    public static readonly IReadOnlyDictionary<string, InspectionItem> Items = new Dictionary<string, InspectionItem>
    {
        ["LC-01"] = CreateItem("LC-01", "劳动合同", "检查用人单位与劳动者订立书面劳动合同的情况"),
        ["WG-02"] = CreateItem("WG-02", "工资支付", "检查用人单位按时足额支付劳动者工资的情况"),
    };

    public static IReadOnlyList<Assignment> AssignmentsOf(Officer officer) =>
    [
        CreateAssignment(officer, "91440300MA5FXXXX1Y", "深圳市福田明辉电子有限公司", isLeaderTarget: true),
        CreateAssignment(officer, "91440300279331234C", "深圳市华强精密制造有限公司", isLeaderTarget: false),
    ];

    public static Notice ComposeFor(Officer officer) =>
        DrawDigestComposer.Compose(DrawId, PlanName, OfficeName, officer, AssignmentsOf(officer), Items, Deadline);

    public static IOptions<SmtpOptions> Options(
        int port, SmtpTlsMode tlsMode = SmtpTlsMode.None, string? user = null) =>
        Microsoft.Extensions.Options.Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            TlsMode = tlsMode,
            UserName = user,
            Password = user is null ? null : "sample-password",
            FromAddress = FromAddress,
            FromName = FromName,
        });

    public static NoticeMessageBuilder Builder() =>
        new(Options(25), new FixedTimeProvider(Now));

    // The leader leads the first target. The member leads the second, where the leader is a member.
    private static Assignment CreateAssignment(Officer officer, string creditCode, string name, bool isLeaderTarget)
    {
        IReadOnlyList<string> team = isLeaderTarget
            ? [Leader.OfficerId, Member.OfficerId, ThirdMember.OfficerId]
            : [Member.OfficerId, Leader.OfficerId, ThirdMember.OfficerId];
        return new Assignment(
            DrawId,
            "440304",
            officer.OfficerId,
            creditCode,
            name,
            string.Equals(team[0], officer.OfficerId, StringComparison.Ordinal),
            team,
            ["LC-01", "WG-02"],
            new DateOnly(2026, 6, 1),
            Deadline);
    }

    private static Officer CreateOfficer(string id, string name, string email) =>
        new(id, "440304", name, $"粤劳监{id}", new DateOnly(2028, 12, 31), OfficerStatus.Active,
            ["LC-01", "WG-02"], email, []);

    private static InspectionItem CreateItem(string code, string category, string content) =>
        new(code, category, content, "《劳动保障监察条例》第十一条", TargetType.Employer, true, "现场检查", 0.05m,
            "每年一次", OfficeTier.County, 1);
}
