using Serverless.Shared.Draws;
using Serverless.Shared.Publication;

namespace Serverless.Http.Public;

/// <summary>
/// Renders one office's draw: items, targets with their teams, links to the record and pool files, and how
/// to reproduce the selection with the <c>sortition</c> command or by hand.
/// </summary>
public static class OfficeDrawPage
{
    /// <summary>Text shown for an inspection result that is not entered yet.</summary>
    public const string NotEntered = "尚未录入";

    /// <summary>Renders the page.</summary>
    public static string Render(string basePath, PublicOfficeDraw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var record = draw.Record;
        var recordPath = Shared.Records.DrawPaths.OfficeRecord(record.DrawId, record.OfficeCode);
        var page = new HtmlPage($"{record.OfficeName}：{record.PlanName}", basePath);
        page.Facts(
        [
            ("抽取单位", $"{record.OfficeName}（{record.OfficeCode}）"),
            ("抽取编号", new HtmlCell(record.DrawId, PublicLinks.Draw(basePath, record.DrawId), Code: true)),
            ("抽取日期", PublicLinks.DateText(record.DrawnOn)),
            ("检查截止日期", PublicLinks.DateText(record.Deadline)),
            ("号池数量", PublicLinks.Number(record.Pool.Size)),
            ("抽取记录", new HtmlCell(recordPath, PublicLinks.File(basePath, recordPath), Code: true)),
            ("号池文件", new HtmlCell(record.Pool.Path, PublicLinks.File(basePath, record.Pool.Path), Code: true)),
            ("号池 SHA-256", new HtmlCell(record.Pool.Sha256, Code: true)),
            ("在线核验", new HtmlCell("重新计算并比对", PublicLinks.Verify(basePath, record.DrawId))),
            ("防篡改链", new HtmlCell("检查本单位记录链", PublicLinks.Chain(basePath, record.OfficeCode))),
        ]);

        page.Heading(2, "抽查事项");
        page.Table(
            "本次抽查事项",
            ["事项编码", "检查内容"],
            draw.Items.Select(item => (IReadOnlyList<HtmlCell>)[item.Code, item.Content]));

        page.Heading(2, "抽中对象与检查组");
        if (!draw.ResultsEntered)
        {
            page.Paragraph($"检查结果：{NotEntered}。录入后将在下表中公示。");
        }

        page.Table(
            "抽中对象",
            ["序号", "统一社会信用代码", "单位名称", "号池行号", "检查组（执法人员姓名与执法证号）", "检查结果"],
            draw.Targets.Select(t => (IReadOnlyList<HtmlCell>)
            [
                PublicLinks.Number(t.Selection),
                new HtmlCell(t.CreditCode, Code: true),
                t.Name,
                $"{PublicLinks.Number(t.PoolLine)}（{StratumText(t.Stratum)}）",
                string.Join("；", t.Team.Select(m =>
                    $"{(m.IsLeader ? "组长 " : "")}{m.Name} {m.CertificateNumber}{(m.Department is null ? "" : $"（{m.Department}）")}")),
                t.Result ?? NotEntered,
            ]));

        AddReproduction(page, basePath, draw);
        return page.Build();
    }

    private static void AddReproduction(HtmlPage page, string basePath, PublicOfficeDraw draw)
    {
        var record = draw.Record;
        var recordPath = Shared.Records.DrawPaths.OfficeRecord(record.DrawId, record.OfficeCode);
        var strata = draw.Targets.GroupBy(t => t.Stratum).Select(g => (Name: g.Key, Count: g.Count())).ToList();
        var poolFile = $"{record.OfficeCode}.txt";
        var sources = string.Join('\n', record.Entropy.Sources);

        page.Heading(2, "如何复现本次抽取");
        page.Heading(3, "使用 sortition 命令");
        var steps = new List<(HtmlCell[] Text, string? Command)>
        {
            (
                [
                    new HtmlCell("下载号池文件 "),
                    new HtmlCell(record.Pool.Path, PublicLinks.File(basePath, record.Pool.Path), Code: true),
                    new HtmlCell($"，另存为 {poolFile}；下载抽取记录 "),
                    new HtmlCell(recordPath, PublicLinks.File(basePath, recordPath), Code: true),
                    new HtmlCell("。核对号池文件的 SHA-256 与记录中 pool.sha256 一致："),
                ],
                $"sha256sum {poolFile}\n# 应输出 {record.Pool.Sha256}"),
            (
                [new HtmlCell("把记录中 entropy.sources 的每一项按顺序写成一行，保存为 entropy.txt（以 # 开头的行会被忽略）：")],
                sources),
        };
        foreach (var (name, count) in strata)
        {
            steps.Add(StratumStep(basePath, record.Pool.RiskPath, poolFile, name, count));
        }

        steps.Add((
            [new HtmlCell("比对输出：每行依次为选取序号、号池行号和统一社会信用代码，应与上表的号池行号和信用代码逐行一致。")],
            null));
        steps.Add((
            [new HtmlCell("检查组同样可复现：候选为该对象的合格执法人员（按人员名录快照顺序），在 entropy.txt 末尾再加一行该对象的统一社会信用代码。")],
            null));
        page.Steps(steps);

        page.Heading(3, "手工计算（RFC 3797）");
        page.Steps(
        [
            ([new HtmlCell("按 RFC 3797 由各熵源构造密钥串：每个来源按规则整理后以“/”结尾，依次连接。本次的密钥串为：")], record.Entropy.Key),
            ([new HtmlCell("第 j 次选取（j 从 0 开始）计算 MD5（2 字节高位在前的 j，密钥串的 ASCII 字节，同样的 2 字节 j），把 128 位结果视为无符号大整数。")], null),
            ([new HtmlCell("该整数除以剩余候选数取余数，得到剩余候选（按号池顺序）中的位置，从 0 开始；选中者移出候选，j 加 1，直到选够数量。")], null),
        ]);
    }

    private static (HtmlCell[] Text, string? Command) StratumStep(
        string basePath, string riskPath, string poolFile, string stratum, int count)
    {
        var command = "dotnet run --project functions/Serverless.Host -- sortition --candidates {0} --entropy {1} --count {2}";
        return stratum switch
        {
            OfficeDrawEngine.RiskStratum => (
                [new HtmlCell("风险分层：下载风险号池文件 "), new HtmlCell(riskPath, PublicLinks.File(basePath, riskPath), Code: true), new HtmlCell("，在 entropy.txt 末尾加一行 risk，运行：")],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, command, "risk.txt", "entropy-risk.txt", count)),
            OfficeDrawEngine.GeneralStratum => (
                [new HtmlCell("一般分层：从号池文件中去掉风险号池中的各行，另存为 general.txt，在 entropy.txt 末尾加一行 general，运行：")],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, command, "general.txt", "entropy-general.txt", count)),
            _ => (
                [new HtmlCell("在本仓库的检出目录中运行（count 为抽中对象数）：")],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, command, poolFile, "entropy.txt", count)),
        };
    }

    private static string StratumText(string stratum) => stratum switch
    {
        OfficeDrawEngine.RiskStratum => "风险号池",
        OfficeDrawEngine.GeneralStratum => "一般号池",
        _ => "号池",
    };
}
