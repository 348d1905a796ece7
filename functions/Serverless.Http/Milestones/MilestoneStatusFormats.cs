using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Serverless.Http.Milestones;

/// <summary>Writes a status report as CSV (RFC 4180) or as an HTML page.</summary>
public static class MilestoneStatusFormats
{
    private static readonly string[] Columns =
        ["officeCode", "officeName", "milestoneId", "milestoneName", "dueDate", "state", "daysLate", "reviewerOfficeCode", "missing"];

    /// <summary>Returns the rows as CSV with a header line and CRLF line ends.</summary>
    public static string ToCsv(MilestoneStatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var row in report.Rows)
        {
            csv.AppendJoin(',', Cells(row).Select(Quote)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Returns a self-contained HTML page with one table row per office and milestone.</summary>
    public static string ToHtml(MilestoneStatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(html.Encode($"工作进度 {report.OfficeCode}"))
            .Append("</title></head>\n<body>\n<h1>")
            .Append(html.Encode($"下级单位工作进度（{report.SetId} v{Text(report.Version)}，截至 {Date(report.AsOf)}）"))
            .Append("</h1>\n<table>\n<thead><tr>");
        foreach (var column in Columns)
        {
            page.Append("<th>").Append(html.Encode(column)).Append("</th>");
        }

        page.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in report.Rows)
        {
            page.Append("<tr class=\"").Append(html.Encode(row.State.ToString())).Append("\">");
            foreach (var cell in Cells(row))
            {
                page.Append("<td>").Append(html.Encode(cell)).Append("</td>");
            }

            page.Append("</tr>\n");
        }

        return page.Append("</tbody>\n</table>\n</body>\n</html>\n").ToString();
    }

    private static string[] Cells(MilestoneStatusRow row) =>
    [
        row.OfficeCode, row.OfficeName, row.MilestoneId, row.MilestoneName, Date(row.DueDate), row.State.ToString(),
        Text(row.DaysLate), row.ReviewerOfficeCode ?? "", row.Missing,
    ];

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
