using Serverless.Shared.Records;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary>Prints a draw summary as a table.</summary>
internal static class SummaryTable
{
    public static void Write(DrawSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var table = new Table().AddColumn("Draw").AddColumn(new TableColumn(Markup.Escape(summary.DrawId)));
        table.AddRow("Slot (UTC)", summary.Slot.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Offices drawn", $"{summary.OfficesDrawn} of {summary.Offices}");
        table.AddRow("Offices rejected", summary.OfficesRejected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("Pool", $"{summary.PoolSize:N0} employers");
        table.AddRow("Targets", $"{summary.Targets:N0}");
        table.AddRow("Assignments", $"{summary.Assignments:N0}");
        table.AddRow("Notices", $"{summary.NoticesSent:N0} sent, {summary.NoticesSkipped:N0} already sent, {summary.NoticesFailed:N0} failed");
        AnsiConsole.Write(table);
        foreach (var office in summary.OfficeResults.Where(o => o.Outcome != OfficeOutcome.Drawn))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(office.OfficeCode)} {office.Outcome}:[/] {Markup.Escape(office.Problem ?? "")}");
        }
    }
}
