using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>
/// The default milestone set: the deadlines of the 2016 Guangdong plan for double-random supervision of labour
/// security, and the 20-working-day deadline for publishing an inspection result.
/// </summary>
public static class GuangdongMilestones
{
    /// <summary>Id of the default set.</summary>
    public const string SetId = "gd-2016";

    /// <summary>Id of the milestone that follows each entered inspection result.</summary>
    public const string ResultPublication = "result-publication";

    private static readonly int[] DefaultOffsets = [30, 7, 1];

    /// <summary>Version 1 of the default set.</summary>
    public static MilestoneSet Default { get; } = new(
        SetId,
        1,
        "广东省双随机一公开劳动保障监察工作部署（2016）",
        [
            Fixed("roster", "执法人员名录库建立并录入系统", [OfficeTier.Province, OfficeTier.City, OfficeTier.County], null,
                new DateOnly(2016, 10, 31), CompletionMeasure.Roster,
                "在系统中录入本单位在岗执法人员及其有效执法证信息，达到所需人数。"),
            Fixed("roster-report", "执法人员名录库书面报告", [OfficeTier.City, OfficeTier.County], null,
                new DateOnly(2016, 10, 31), CompletionMeasure.Filing,
                "上传名录库建设情况书面报告，并由上一级单位确认收到。"),
            Fixed("registry", "用人单位信息库建立", [OfficeTier.City, OfficeTier.County], null,
                new DateOnly(2017, 3, 31), CompletionMeasure.Registry,
                "通过网格采集、巡查办案和网上申报录入用人单位信息，达到本单位目标数。"),
            Fixed("rules", "双随机抽查实施细则备案", [OfficeTier.City, OfficeTier.County], true,
                new DateOnly(2016, 12, 31), CompletionMeasure.Filing,
                "上传本单位双随机抽查实施细则，并由上一级单位确认备案。"),
            Fixed("campaign-mechanism", "专项检查双随机工作机制备案", [OfficeTier.City], false,
                new DateOnly(2016, 12, 31), CompletionMeasure.Filing,
                "上传本市专项检查双随机工作机制，并由省厅确认备案。"),
            Fixed("in-force", "双随机抽查全面实施", [OfficeTier.City, OfficeTier.County], true,
                new DateOnly(2017, 12, 31), CompletionMeasure.Draws,
                "按抽查计划完成至少一次双随机抽取。"),
            new MilestoneDefinition(
                ResultPublication,
                "抽查结果公开",
                new MilestoneScope([OfficeTier.City, OfficeTier.County], true),
                null,
                20,
                CompletionMeasure.Publication,
                [5, 1],
                DayCount.Working,
                new EscalationRule(),
                "抽查结果录入后 20 个工作日内向社会公开，并上传公开材料。"),
        ],
        // NOTE: the plan fixes no numbers; these are starting values that each campaign replaces in a new version.
        new MilestoneTargets(
            new Dictionary<OfficeTier, int> { [OfficeTier.Province] = 10, [OfficeTier.City] = 8, [OfficeTier.County] = 6 },
            new Dictionary<OfficeTier, int> { [OfficeTier.City] = 1000, [OfficeTier.County] = 200 },
            new Dictionary<string, int>()));

    private static MilestoneDefinition Fixed(
        string id,
        string name,
        OfficeTier[] tiers,
        bool? inspects,
        DateOnly dueDate,
        CompletionMeasure measure,
        string instructions) =>
        new(id, name, new MilestoneScope(tiers, inspects), dueDate, null, measure, DefaultOffsets, DayCount.Calendar,
            new EscalationRule(), instructions);
}
