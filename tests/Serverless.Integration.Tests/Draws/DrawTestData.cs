using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Integration.Tests.Draws;

/// <summary>
/// A small registry for draw tests: Shenzhen with two districts, and Dongguan, which has no county tier.
/// Every employer gets a valid credit code; every officer is qualified for both items.
/// </summary>
internal sealed class DrawTestData
{
    public const string Province = "440000";
    public const string Shenzhen = "440300";
    public const string Luohu = "440303";
    public const string Futian = "440304";
    public const string Dongguan = "441900";

    public static readonly string[] InspectingOffices = [Luohu, Futian, Dongguan];

    public IReadOnlyList<Office> Offices { get; } =
    [
        new(Province, "广东省", OfficeTier.Province, null, "rst-440000@hrss.example", false),
        new(Shenzhen, "深圳市", OfficeTier.City, Province, "rsj-440300@hrss.example", false),
        new(Luohu, "罗湖区", OfficeTier.County, Shenzhen, "rsj-440303@hrss.example", true),
        new(Futian, "福田区", OfficeTier.County, Shenzhen, "rsj-440304@hrss.example", true),
        new(Dongguan, "东莞市", OfficeTier.City, Province, "rsj-441900@hrss.example", true),
    ];

    public IReadOnlyList<InspectionItem> Items { get; } =
    [
        new("LS-01", "劳动合同", "用人单位订立和履行劳动合同情况", "《中华人民共和国劳动合同法》", TargetType.Employer, false, "书面审查、实地检查", 0.05m, "每年一次", OfficeTier.County, 1),
        new("LS-02", "工资支付", "用人单位按时足额支付工资和执行最低工资标准情况", "《保障农民工工资支付条例》", TargetType.Employer, false, "书面审查、实地检查", 0.05m, "每年一次", OfficeTier.County, 1),
    ];

    public List<Employer> Employers { get; } = [];

    public List<Officer> Officers { get; } = [];

    /// <summary>Builds <paramref name="employersPerOffice"/> employers and <paramref name="officersPerOffice"/> officers per office.</summary>
    public static DrawTestData Create(int employersPerOffice = 60, int officersPerOffice = 6)
    {
        var data = new DrawTestData();
        foreach (var office in InspectingOffices)
        {
            for (var i = 0; i < employersPerOffice; i++)
            {
                var code = CreditCodeFor(office, i);
                data.Employers.Add(new Employer(
                    code, $"测试{office}第{i + 1}号有限公司", office, $"测试路{i + 1}号", "C", 20 + i, TargetType.Employer,
                    EmployerSource.GridCollection, i % 10 == 0 ? ["欠薪投诉"] : [], null, EmployerStatus.Active));
            }

            for (var i = 0; i < officersPerOffice; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"GD-{office}-{i + 1:0000}");
                data.Officers.Add(new Officer(
                    id, office, $"测试官{i + 1}", $"粤执法{office}{i + 1:00000}", new DateOnly(2030, 12, 31), OfficerStatus.Active,
                    ["LS-01", "LS-02"], $"{id.ToLowerInvariant()}@officers.example", []));
            }
        }

        return data;
    }

    /// <summary>Returns a valid, unique credit code in the office's division.</summary>
    public static string CreditCodeFor(string office, int index)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"91{office}{index:000000000}");
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>A plan over Shenzhen and Dongguan, drawn at 09:00 China time on the 1st of each month.</summary>
    public static DrawPlan Plan(string planId, IReadOnlyList<string>? entropySources = null, int officersPerTarget = 2, decimal ratio = 0.05m) =>
        new(planId, "测试月度双随机抽查", Province, [Shenzhen, Dongguan], ["LS-01", "LS-02"], "0 9 1 * *",
            new TargetRule(ratio), 12, officersPerTarget, null, 30, entropySources ?? []);
}
