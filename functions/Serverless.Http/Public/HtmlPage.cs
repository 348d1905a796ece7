using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Serverless.Http.Public;

/// <summary>
/// Writes one server-rendered public page: Chinese (<c>lang="zh-CN"</c>), no scripts, a viewport for phones,
/// tables with captions and scoped header cells. Every text and attribute value is HTML-encoded.
/// </summary>
public sealed class HtmlPage
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;line-height:1.6;margin:0;color:#1a1a1a}
        header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
        nav ul{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}
        a{color:#0645ad}
        .table-wrap{overflow-x:auto}
        table{border-collapse:collapse;margin:1rem 0;min-width:100%}
        caption{text-align:left;font-weight:bold;padding:.25rem 0}
        th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#eef}
        code,pre{font-family:ui-monospace,monospace;word-break:break-all;white-space:pre-wrap}
        pre{background:#f4f4f4;padding:.5rem}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
        dt{font-weight:bold}
        dd{margin:0;word-break:break-all}
        .match{color:#064;font-weight:bold}
        .mismatch{color:#a00;font-weight:bold}
        @media (max-width:40rem){dl{grid-template-columns:1fr}}
        """;

    private readonly StringBuilder html = new();

    /// <summary>Starts a page with its title as the first heading and the navigation links below <paramref name="basePath"/>.</summary>
    public HtmlPage(string title, string basePath)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(basePath);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append(" - 双随机一公开</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<header>\n")
            .Append("<nav aria-label=\"公开信息\"><ul>");
        NavLink(basePath + "/draws", "抽查结果公示");
        NavLink(basePath + "/items", "随机抽查事项清单");
        NavLink(basePath + "/commitments", "抽取前承诺");
        html.Append("</ul></nav>\n</header>\n<main>\n<h1>").Append(Encode(title)).Append("</h1>\n");
    }

    /// <summary>Adds a heading of level 2 to 4.</summary>
    public HtmlPage Heading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 4);
        html.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append(">\n");
        return this;
    }

    /// <summary>Adds a paragraph of cells written one after another, so a sentence can carry links.</summary>
    public HtmlPage Paragraph(params HtmlCell[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        html.Append("<p>");
        foreach (var part in parts)
        {
            Cell(part);
        }

        html.Append("</p>\n");
        return this;
    }

    /// <summary>Adds a paragraph whose text is marked as a match or a mismatch.</summary>
    public HtmlPage Verdict(bool matches, string text)
    {
        html.Append("<p class=\"").Append(matches ? "match" : "mismatch").Append("\">")
            .Append(Encode(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds a list of terms and their values.</summary>
    public HtmlPage Facts(IEnumerable<(string Term, HtmlCell Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        html.Append("<dl>\n");
        foreach (var (term, value) in facts)
        {
            html.Append("<dt>").Append(Encode(term)).Append("</dt><dd>");
            Cell(value);
            html.Append("</dd>\n");
        }

        html.Append("</dl>\n");
        return this;
    }

    /// <summary>Adds preformatted text, for commands and file contents.</summary>
    public HtmlPage Preformatted(string text)
    {
        html.Append("<pre><code>").Append(Encode(text)).Append("</code></pre>\n");
        return this;
    }

    /// <summary>Adds an ordered list; each step is a sentence and optionally a command shown below it.</summary>
    public HtmlPage Steps(IEnumerable<(HtmlCell[] Text, string? Command)> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        html.Append("<ol>\n");
        foreach (var (text, command) in steps)
        {
            html.Append("<li>");
            foreach (var part in text)
            {
                Cell(part);
            }

            if (command is not null)
            {
                html.Append("<pre><code>").Append(Encode(command)).Append("</code></pre>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
        return this;
    }

    /// <summary>
    /// Adds a table with a caption and column headers; the first cell of each row is its row header.
    /// An empty table shows <paramref name="emptyText"/> instead.
    /// </summary>
    public HtmlPage Table(
        string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<HtmlCell>> rows, string emptyText = "暂无数据")
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        if (list.Count == 0)
        {
            html.Append("<p>").Append(Encode(caption)).Append('：').Append(Encode(emptyText)).Append("</p>\n");
            return this;
        }

        html.Append("<div class=\"table-wrap\"><table>\n<caption>").Append(Encode(caption)).Append("</caption>\n<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td>");
                Cell(row[i]);
                html.Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n");
        return this;
    }

    /// <summary>Ends the page and returns its HTML.</summary>
    public string Build() =>
        html.Append("</main>\n<footer><p>本页面由服务器生成，无需脚本即可阅读；同一数据可加参数 format=json 以 JSON 获取。</p></footer>\n")
            .Append("</body>\n</html>\n")
            .ToString();

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    private void NavLink(string href, string text) =>
        html.Append("<li><a href=\"").Append(Encode(href)).Append("\">").Append(Encode(text)).Append("</a></li>");

    private void Cell(HtmlCell cell)
    {
        var text = cell.Code ? $"<code>{Encode(cell.Text)}</code>" : Encode(cell.Text);
        if (cell.Href is null)
        {
            html.Append(text);
            return;
        }

        html.Append("<a href=\"").Append(Encode(cell.Href)).Append("\">").Append(text).Append("</a>");
    }
}
