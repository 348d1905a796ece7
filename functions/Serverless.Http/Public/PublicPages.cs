using Serverless.Shared.Publication;

namespace Serverless.Http.Public;

/// <summary>Renders the public list pages: items, draws, one draw, commitments, verification and chains.</summary>
public static class PublicPages
{
    /// <summary>Renders the item list with its versions.</summary>
    public static string Items(string basePath, PublicItemList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var title = list.OfficeName is null ? "随机抽查事项清单" : $"随机抽查事项清单（{list.OfficeName}）";
        var intro = list.OfficeName is null
            ? "本清单为全省统一的随机抽查事项清单及各地市增补的事项；每项列明检查内容、依据、方式、比例和频次。"
            : $"本清单为{list.OfficeName}适用的随机抽查事项：全省统一事项，以及所属地市增补的事项；每项列明检查内容、依据、方式、比例和频次。";
        var page = new HtmlPage(title, basePath).Paragraph(intro);
        page.Table(
            "抽查事项",
            ["事项编码", "适用范围", "类别", "检查内容", "检查依据", "检查方式", "抽查比例", "抽查频次", "事项类型", "版本"],
            list.Items.Select(item => (IReadOnlyList<HtmlCell>)
            [
                item.Code,
                ScopeText(list, item),
                item.Category,
                item.Content,
                item.LegalBasis,
                item.Method,
                PublicLinks.Percent(item.Ratio),
                item.Frequency,
                item.IsKeyItem ? "重点检查事项" : "一般检查事项",
                PublicLinks.Number(item.Version),
            ]));
        page.Heading(2, "版本记录");
        page.Table(
            "清单版本",
            ["版本", "现行事项数"],
            list.Versions.Select(v => (IReadOnlyList<HtmlCell>)[PublicLinks.Number(v.Version), PublicLinks.Number(v.Items)]));
        page.Heading(2, "事项历次版本");
        page.Table(
            "各事项的历次版本",
            ["事项编码", "版本", "检查内容", "检查依据", "检查方式", "抽查比例", "抽查频次"],
            list.History.Select(item => (IReadOnlyList<HtmlCell>)
            [
                item.Code,
                PublicLinks.Number(item.Version),
                item.Content,
                item.LegalBasis,
                item.Method,
                PublicLinks.Percent(item.Ratio),
                item.Frequency,
            ]),
            "尚无历史版本");
        return page.Build();
    }

    private static string ScopeText(PublicItemList list, Shared.Domain.InspectionItem item) =>
        item.OfficeCode is null ? "全省" : $"{list.AddedBy.GetValueOrDefault(item.OfficeCode, item.OfficeCode)}增补";

    /// <summary>Renders the list of published draws.</summary>
    public static string Draws(string basePath, IReadOnlyList<PublicDrawListing> draws)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var page = new HtmlPage("双随机抽查结果公示", basePath)
            .Paragraph("以下为已完成的随机抽取。每次抽取均可按公开的号池文件和抽取记录复现，并可在线核验。");
        page.Table(
            "已公示的抽取",
            ["抽取编号", "抽查计划", "抽取日期", "抽取单位数", "抽中对象数", "核验"],
            draws.Select(d => (IReadOnlyList<HtmlCell>)
            [
                new HtmlCell(d.DrawId, PublicLinks.Draw(basePath, d.DrawId), Code: true),
                d.PlanName,
                PublicLinks.DateText(d.DrawnOn),
                PublicLinks.Number(d.OfficesDrawn),
                PublicLinks.Number(d.Targets),
                new HtmlCell("在线核验", PublicLinks.Verify(basePath, d.DrawId)),
            ]),
            "尚无已完成的抽取");
        return page.Build();
    }

    /// <summary>Renders one draw with a line per office.</summary>
    public static string Draw(string basePath, PublicDraw draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        var listing = draw.Listing;
        var page = new HtmlPage($"抽取公示：{listing.PlanName}", basePath);
        page.Facts(
        [
            ("抽取编号", new HtmlCell(listing.DrawId, Code: true)),
            ("抽查计划", listing.PlanName),
            ("抽取时间", PublicLinks.ChinaTimeText(listing.Slot)),
            ("抽中对象数", PublicLinks.Number(listing.Targets)),
            ("抽取汇总", new HtmlCell(listing.SummaryPath, PublicLinks.File(basePath, listing.SummaryPath), Code: true)),
            ("在线核验", new HtmlCell("由服务器按公开数据重新计算并比对", PublicLinks.Verify(basePath, listing.DrawId))),
        ]);
        page.Table(
            "各单位抽取情况",
            ["单位", "单位代码", "结果", "号池数量", "抽中对象数", "防篡改链"],
            draw.Offices.Select(o => (IReadOnlyList<HtmlCell>)
            [
                o.RecordPath is null ? o.OfficeName : new HtmlCell(o.OfficeName, PublicLinks.OfficeDraw(basePath, listing.DrawId, o.OfficeCode)),
                o.OfficeCode,
                PublicLinks.OutcomeText(o.Outcome),
                PublicLinks.Number(o.PoolSize),
                PublicLinks.Number(o.Targets),
                new HtmlCell("检查", PublicLinks.Chain(basePath, o.OfficeCode)),
            ]));
        return page.Build();
    }

    /// <summary>Renders the commitments of upcoming draws.</summary>
    public static string Commitments(string basePath, IReadOnlyList<PublicCommitment> commitments)
    {
        ArgumentNullException.ThrowIfNull(commitments);
        var page = new HtmlPage("抽取前承诺：随机种子与号池哈希", basePath)
            .Paragraph(
                "定时抽取在抽取日前生成随机种子并冻结各单位号池，此处公布种子的 SHA-256 和各号池文件的 SHA-256。",
                "抽取后，记录会公开种子本身，任何人都可核对其哈希与此处一致，号池也未被改动。");
        if (commitments.Count == 0)
        {
            page.Paragraph("目前没有待进行的定时抽取承诺。");
        }

        foreach (var commitment in commitments)
        {
            page.Heading(2, $"{commitment.PlanName}：{PublicLinks.ChinaTimeText(commitment.Slot)}");
            page.Facts(
            [
                ("计划编号", new HtmlCell(commitment.PlanId, Code: true)),
                ("承诺时间", PublicLinks.ChinaTimeText(commitment.CommittedAt)),
                ("种子 SHA-256", new HtmlCell(commitment.SeedSha256, Code: true)),
            ]);
            page.Table(
                "冻结号池的 SHA-256",
                ["单位", "单位代码", "号池 SHA-256"],
                commitment.Pools.Select(p => (IReadOnlyList<HtmlCell>)
                    [p.OfficeName, p.OfficeCode, new HtmlCell(p.PoolSha256, Code: true)]));
        }

        return page.Build();
    }

    /// <summary>Renders the server-side recomputation of a draw.</summary>
    public static string Verification(string basePath, DrawVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var page = new HtmlPage("抽取核验", basePath)
            .Paragraph(
                new HtmlCell("服务器读取抽取 "),
                new HtmlCell(verification.DrawId, PublicLinks.Draw(basePath, verification.DrawId), Code: true),
                new HtmlCell(" 的记录、号池文件和人员名录快照，核对各文件哈希与种子承诺，重新计算抽中对象和检查组，再与记录比对。"))
            .Verdict(
                verification.Matches,
                verification.Matches
                    ? $"核验结果：一致（{verification.Offices.Count} 份单位记录全部复现）"
                    : $"核验结果：不一致（{verification.Offices.Count(o => !o.Matches)} 份单位记录与重新计算的结果不同）");
        page.Table(
            "各单位记录核验",
            ["单位代码", "结果", "记录文件", "差异"],
            verification.Offices.Select(o => (IReadOnlyList<HtmlCell>)
            [
                o.OfficeCode,
                o.Matches ? "一致" : "不一致",
                new HtmlCell(o.RecordPath, PublicLinks.File(basePath, o.RecordPath), Code: true),
                o.Problems.Count == 0 ? "无" : string.Join("；", o.Problems),
            ]));
        return page.Build();
    }

    /// <summary>Renders the walk of one office's publication chain.</summary>
    public static string Chain(string basePath, ChainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var page = new HtmlPage($"防篡改链检查：{report.OfficeCode}", basePath)
            .Paragraph(
                "每份单位记录公开后，其 SHA-256 和上一链节的 SHA-256 写入该单位的链节文件。",
                "检查从第一节开始，重新计算每份记录和每个链节的哈希，报告第一处断裂。");
        if (report.FirstBreak is { } broken)
        {
            page.Verdict(false, $"链在第 {broken.Seq} 节断裂：{broken.Reason}");
            page.Facts(
            [
                ("断裂链节", new HtmlCell(broken.EntryPath, PublicLinks.File(basePath, broken.EntryPath), Code: true)),
                ("涉及记录", broken.RecordPath is null
                    ? "无"
                    : new HtmlCell(broken.RecordPath, PublicLinks.File(basePath, broken.RecordPath), Code: true)),
            ]);
        }
        else
        {
            page.Verdict(true, $"链完整：{report.Entries} 节全部核对一致");
        }

        page.Table(
            "已核对的链节",
            ["序号", "记录文件", "记录 SHA-256", "上一链节 SHA-256"],
            report.Links.Select(l => (IReadOnlyList<HtmlCell>)
            [
                new HtmlCell(PublicLinks.Number(l.Seq), PublicLinks.File(basePath, ChainPaths.Entry(report.OfficeCode, l.Seq))),
                new HtmlCell(l.RecordPath, PublicLinks.File(basePath, l.RecordPath), Code: true),
                new HtmlCell(l.RecordSha256, Code: true),
                new HtmlCell(l.PreviousEntrySha256, Code: true),
            ]),
            "该单位尚无链节");
        return page.Build();
    }
}
