using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Integration.Tests.Public;
using Serverless.Shared.Calendar;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Calendar;

/// <summary>The built self-host's <c>calendar load</c> and <c>calendar list</c> commands on a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarCommandTests(AzuriteFixture azurite)
{
    // A made-up 2030 for tests: 2030-10-12 is a Saturday, 2030-10-16 a Wednesday.
    private const string Made2030 = """
        {"year": 2030, "holidays": {"2030-01-01": "元旦", "2030-10-01": "国庆节"}, "workdays": {"2030-10-12": "国庆节"}}
        """;

    [Fact]
    public async Task CalendarLoad_InvalidFile_StoresNothing()
    {
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, "CalCli", smtpPort: 25);
        var folder = Directory.CreateTempSubdirectory("calendar-cli").FullName;
        var weekday = Path.Combine(folder, "2030.json");
        await File.WriteAllTextAsync(weekday, Made2030.Replace("2030-10-12", "2030-10-16", StringComparison.Ordinal));
        var misnamed = Path.Combine(folder, "2031.json");
        await File.WriteAllTextAsync(misnamed, Made2030);

        var (weekdayExit, weekdayOutput) = await HostCommand.RunAsync(settings, "calendar", "load", weekday);
        var (misnamedExit, misnamedOutput) = await HostCommand.RunAsync(settings, "calendar", "load", misnamed);

        Assert.Equal(2, weekdayExit);
        Assert.Contains("workdays '2030-10-16' is a Wednesday", weekdayOutput, StringComparison.Ordinal);
        Assert.Contains("nothing was stored", weekdayOutput, StringComparison.Ordinal);
        Assert.Equal(2, misnamedExit);
        Assert.Contains("year '2030' differs from 2031", misnamedOutput, StringComparison.Ordinal);
        Assert.Empty(await StoredYearsAsync(settings.StoragePrefix));
    }

    [Fact]
    public async Task CalendarLoad_ThenList_ShowsStoredYear()
    {
        var settings = DrawHarness.CreateSettings(azurite.ConnectionString, "CalCli", smtpPort: 25);
        var file = Path.Combine(Directory.CreateTempSubdirectory("calendar-cli").FullName, "2030.json");
        await File.WriteAllTextAsync(file, Made2030);

        var (loadExit, loadOutput) = await HostCommand.RunAsync(settings, "calendar", "load", file);
        var (againExit, againOutput) = await HostCommand.RunAsync(settings, "calendar", "load", file);
        var (listExit, listOutput) = await HostCommand.RunAsync(settings, "calendar", "list");

        Assert.True(loadExit == 0, loadOutput);
        Assert.Contains(
            "Calendar year 2030 stored: holidays 2, make-up working days 1.", loadOutput, StringComparison.Ordinal);
        Assert.True(againExit == 0, againOutput);
        Assert.Contains(
            "Calendar year 2030 was stored already with the same content", againOutput, StringComparison.Ordinal);
        Assert.True(listExit == 0, listOutput);
        var row = listOutput.Split('\n').Single(line => line.Contains("2030", StringComparison.Ordinal));
        Assert.Contains("stored", row, StringComparison.Ordinal);
        Assert.Contains("cli:", row, StringComparison.Ordinal);
        Assert.Contains(listOutput.Split('\n'), line => line.Contains("2026", StringComparison.Ordinal)
            && line.Contains("bundled", StringComparison.Ordinal));
        var stored = Assert.Single(await StoredYearsAsync(settings.StoragePrefix));
        Assert.Equal(2030, stored.Year.Year);
        Assert.Equal(1, stored.Revision);
    }

    private Task<IReadOnlyList<StoredCalendarYear>> StoredYearsAsync(string prefix)
    {
        var storage = new StorageContext(azurite.ConnectionString, new StorageOptions { TablePrefix = prefix });
        return new TableCalendarYearStore(storage).ListAsync();
    }
}
