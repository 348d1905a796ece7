using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Orchestrations;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary><c>draw</c>: runs one slot of a stored plan and waits for its summary. A slot already drawn is not drawn again.</summary>
internal static class DrawCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var plan = CommonOptions.Plan();
        var slot = CommonOptions.Slot();
        var command = new Command("draw", "Run the draw of one plan slot on the configured storage and wait for it.") { dataDirectory, plan, slot };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);
            var planId = result.GetRequiredValue(plan);
            var stored = await PlanItems.GetPlanAsync(runtime.Storage.Registry, planId, cancellationToken);
            var when = CommonOptions.ResolveSlot(result.GetValue(slot), stored, DateTimeOffset.UtcNow);
            var progress = new Progress<DrawProgress>(p =>
                AnsiConsole.MarkupLine($"{p.Stage}: {p.OfficesDone}/{p.Offices} offices, {p.Targets} targets, {p.NoticesSent} notices"));
            var summary = await DrawRunner.RunAsync(runtime, planId, when, progress, cancellationToken);
            SummaryTable.Write(summary);
            return summary.OfficesRejected == 0 ? 0 : 1;
        });
        return command;
    }
}
