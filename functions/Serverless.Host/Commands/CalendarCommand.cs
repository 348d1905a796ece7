using System.CommandLine;
using System.Globalization;
using Serverless.Host.Hosting;
using Serverless.Shared.Calendar;
using Serverless.Workflows.Calendar;
using Serverless.Workflows.Milestones;
using Spectre.Console;

namespace Serverless.Host.Commands;

/// <summary>
/// <c>calendar load FILE</c> validates a year of the State Council's holiday arrangement, stores it and starts the
/// milestones that waited for it; <c>calendar list</c> shows the covered years with their source.
/// </summary>
internal static class CalendarCommand
{
    public static Command Create()
    {
        return new Command("calendar", "Load and list the years of the working-day calendar.") { Load(), List() };
    }

    private static Command Load()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "JSON file of one year in the format of shared/data/calendar/{year}.json; a file named " +
                "after a year must contain that year.",
        };
        var command = new Command(
            "load",
            "Validate a year of the holiday arrangement, store it, and start the milestones that waited for it.")
        {
            dataDirectory,
            file,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetRequiredValue(file);
            var year = await ReadAsync(path, cancellationToken);
            if (year is null)
            {
                return 2;
            }

            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(
                settings, serve: false, LogLevel.Warning, cancellationToken);
            CalendarLoadResult loaded;
            try
            {
                loaded = await runtime.Services.GetRequiredService<CalendarLoader>()
                    .LoadAsync(runtime.Client, year, $"cli:{Environment.UserName}", cancellationToken);
            }
            catch (InvalidCalendarYearException invalid)
            {
                await WriteErrorsAsync(path, invalid);
                return 2;
            }

            WriteLoaded(loaded);
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var dataDirectory = CommonOptions.DataDirectory();
        var command = new Command("list", "List the years the working-day calendar covers, bundled or stored.")
        {
            dataDirectory,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = HostSettings.Load(result.GetValue(dataDirectory));
            await using var runtime = await HostRuntime.StartAsync(
                settings, serve: false, LogLevel.Warning, cancellationToken);
            var calendars = runtime.Services.GetRequiredService<WorkingDayCalendarProvider>();
            var pendingStarts = runtime.Services.GetRequiredService<PendingMilestoneStarts>();
            var years = await calendars.ListAsync(cancellationToken);
            var waiting = await pendingStarts.CountWaitingAsync(cancellationToken);
            WriteYears(years);
            foreach (var count in waiting)
            {
                var line = string.Create(
                    CultureInfo.InvariantCulture, $"{count.Starts} milestone deadlines wait for {count.Year}.");
                Console.WriteLine($"{line} Load that year with 'calendar load FILE'.");
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads and validates the file; prints every error and returns null when it is invalid.</summary>
    private static async Task<CalendarYear?> ReadAsync(FileInfo path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            if (path.Length > CalendarYearParser.MaxFileBytes)
            {
                await Console.Error.WriteLineAsync(
                    $"calendar load: '{path.FullName}' has {path.Length} bytes, " +
                    $"more than {CalendarYearParser.MaxFileBytes}.");
                return null;
            }

            bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"calendar load: failed to read '{path.FullName}': {e.Message}");
            return null;
        }

        try
        {
            return CalendarYearParser.Parse(bytes, CalendarYearParser.YearOfFileName(path.Name));
        }
        catch (InvalidCalendarYearException invalid)
        {
            await WriteErrorsAsync(path, invalid);
            return null;
        }
    }

    private static async Task WriteErrorsAsync(FileInfo path, InvalidCalendarYearException invalid)
    {
        foreach (var error in invalid.Errors)
        {
            await Console.Error.WriteLineAsync($"calendar load: {path.Name}: {error.Message}");
        }

        await Console.Error.WriteLineAsync($"calendar load: {invalid.Errors.Count} errors, so nothing was stored.");
    }

    private static void WriteLoaded(CalendarLoadResult loaded)
    {
        var stored = loaded.Stored;
        var change = loaded.Change switch
        {
            CalendarYearChange.Created => "stored",
            CalendarYearChange.Replaced => $"stored as revision {stored.Revision}, replacing the earlier version",
            _ => "was stored already with the same content",
        };
        var year = stored.Year;
        var counts = string.Create(
            CultureInfo.InvariantCulture,
            $"holidays {year.Holidays.Count}, make-up working days {year.Workdays.Count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Calendar year {year.Year} {change}: {counts}."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Milestone deadlines started: {loaded.PendingStarts.Started}."));
        foreach (var count in loaded.PendingStarts.Waiting)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Still waiting for {count.Year}: {count.Starts} milestone deadlines."));
        }
    }

    private static void WriteYears(IReadOnlyList<CalendarYearSource> years)
    {
        var table = new Table()
            .AddColumn("Year")
            .AddColumn("Source")
            .AddColumn(new TableColumn("Holidays").RightAligned())
            .AddColumn(new TableColumn("Make-up days").RightAligned())
            .AddColumn("Revision")
            .AddColumn("Loaded at (UTC)")
            .AddColumn("Loaded by");
        foreach (var year in years)
        {
            table.AddRow(
                year.Year.ToString(CultureInfo.InvariantCulture),
                SourceName(year),
                year.Holidays.ToString(CultureInfo.InvariantCulture),
                year.Workdays.ToString(CultureInfo.InvariantCulture),
                year.Revision?.ToString(CultureInfo.InvariantCulture) ?? "",
                year.LoadedAt?.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(year.LoadedBy ?? ""));
        }

        AnsiConsole.Write(table);
    }

    private static string SourceName(CalendarYearSource year)
    {
        if (year.Source == CalendarSourceKind.Bundled)
        {
            return "bundled";
        }

        return year.ReplacesBundled ? "stored, replaces bundled" : "stored";
    }
}
