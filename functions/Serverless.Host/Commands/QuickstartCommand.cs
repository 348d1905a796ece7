using System.CommandLine;
using Serverless.Host.Hosting;
using Serverless.Shared.Data;
using Serverless.Shared.Records;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Orchestrations;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>quickstart</c>: starts a local Azurite and the durable engine, loads the bundled Guangdong data, runs
/// the latest slot of the monthly plan, verifies it, and prints where the records and notices are.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var plan = CommonOptions.Plan();
        var slot = CommonOptions.Slot();
        var command = new Command("quickstart", "Load the bundled data and run a real draw on a local Azurite.") { dataDirectory, plan, slot };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(dataDirectory), result.GetRequiredValue(plan), result.GetValue(slot), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? dataDirectory, string planId, string? slotText, CancellationToken cancellationToken)
    {
        var settings = HostSettings.Load(dataDirectory);
        AnsiConsole.MarkupLine($"[bold]Local state:[/] {Markup.Escape(settings.DataDirectory)}");
        var data = BundledData.Load(BundledData.FindDefaultDirectory());
        AnsiConsole.MarkupLine(
            $"[bold]Bundled data:[/] {data.Offices.Count} offices, {data.Items.Count} items, {data.Employers.Count:N0} employers, {data.Officers.Count:N0} officers");

        AnsiConsole.MarkupLine("Starting storage and the durable engine...");
        await using var runtime = await HostRuntime.StartAsync(settings, serve: false, LogLevel.Warning, cancellationToken);

        var plan = data.Plans.FirstOrDefault(p => p.PlanId == planId)
            ?? throw new Shared.Domain.ValidationException("--plan", planId, "is not a bundled plan");
        var slot = CommonOptions.ResolveSlot(slotText, plan, DateTimeOffset.UtcNow);
        var drawId = DrawPaths.DrawId(plan.PlanId, slot);

        DrawSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var seeding = context.AddTask("Loading registry into Table storage", maxValue: 1);
                await DataSeeder.SeedAsync(runtime.Storage.Registry, data, new Progress<double>(v => seeding.Value = v), cancellationToken);
                seeding.Value = 1;

                var drawing = context.AddTask($"Drawing {drawId}", maxValue: 1);
                var progress = new Progress<DrawProgress>(p =>
                {
                    drawing.MaxValue = Math.Max(1, p.Offices);
                    drawing.Value = p.OfficesDone;
                    drawing.Description = $"Drawing {drawId}: {p.OfficesDone}/{p.Offices} offices, {p.Targets} targets, {p.NoticesSent} notices";
                });
                summary = await DrawRunner.RunAsync(runtime, plan.PlanId, slot, progress, cancellationToken);
                drawing.Value = drawing.MaxValue;
            });

        var verifier = runtime.Services.GetRequiredService<DrawVerifier>();
        var verification = await verifier.VerifyDrawAsync(drawId, cancellationToken);
        var exportFolder = Path.Combine(settings.DataDirectory, "export");
        var exported = await RecordExporter.ExportAsync(runtime.Storage.Records, drawId, summary, exportFolder, cancellationToken);

        SummaryTable.Write(summary!);
        var matches = verification.Count(v => v.Matches);
        AnsiConsole.MarkupLine($"[bold]Verification:[/] {matches} of {verification.Count} office records reproduce exactly");
        foreach (var failure in verification.Where(v => !v.Matches))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(failure.OfficeCode)}:[/] {Markup.Escape(string.Join("; ", failure.Problems))}");
        }

        AnsiConsole.MarkupLine($"[bold]Records:[/] blob container 'records', summary at {Markup.Escape(summary!.SummaryPath)}; {exported} files copied to {Markup.Escape(exportFolder)}");
        AnsiConsole.MarkupLine(settings.Smtp.IsConfigured
            ? $"[bold]Notices:[/] sent to SMTP server {Markup.Escape(settings.Smtp.Host)}"
            : $"[bold]Notices:[/] .eml files in {Markup.Escape(settings.NoticeFolder)}");
        AnsiConsole.MarkupLine($"Check it again with: dotnet run --project functions/Serverless.Host -- verify --draw {drawId}");
        return matches == verification.Count && summary.OfficesRejected == 0 ? 0 : 1;
    }
}
