using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2016-10-03", false)] // National Day holiday on a Monday
    [InlineData("2016-10-08", true)] // make-up working day on a Saturday
    [InlineData("2016-10-15", false)] // an ordinary Saturday
    [InlineData("2016-10-31", true)]
    [InlineData("2017-01-27", false)] // Spring Festival eve
    public void IsWorkingDay_BundledDate_ReturnsKind(string date, bool expected)
    {
        Assert.Equal(expected, BundledCalendar.Calendar.IsWorkingDay(Parse(date)));
    }

    [Fact]
    public void IsWorkingDay_YearNotCovered_IsRejected()
    {
        var error = Assert.Throws<CalendarYearMissingException>(
            () => BundledCalendar.Calendar.IsWorkingDay(new DateOnly(2099, 3, 2)));

        Assert.Equal(2099, error.Year);
        Assert.Contains("calendar load", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_AcrossNationalDay_CountsMakeUpDays()
    {
        var due = BundledCalendar.Calendar.AddWorkingDays(new DateOnly(2016, 9, 26), 20);

        Assert.Equal(new DateOnly(2016, 10, 27), due);
    }

    [Fact]
    public void AddWorkingDays_Backward_CountsBeforeDate()
    {
        var date = BundledCalendar.Calendar.AddWorkingDays(new DateOnly(2016, 10, 10), -2);

        Assert.Equal(new DateOnly(2016, 10, 8), date);
    }

    [Fact]
    public void Calendar_NewYearFile_IsLoaded()
    {
        var folder = Directory.CreateTempSubdirectory("calendar").FullName;
        File.WriteAllText(Path.Combine(folder, "2030.json"),
            """{"year": 2030, "holidays": {"2030-01-01": "元旦"}, "workdays": {"2030-01-05": "元旦"}}""");

        var calendar = WorkingDayCalendar.Load(folder);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2030, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2030, 1, 5)));
    }

    [Fact]
    public void Calendar_FileNamedForOtherYear_IsRejected()
    {
        var folder = Directory.CreateTempSubdirectory("calendar").FullName;
        File.WriteAllText(Path.Combine(folder, "2031.json"), """{"year": 2030, "holidays": {}, "workdays": {}}""");

        var error = Assert.Throws<ValidationException>(() => WorkingDayCalendar.Load(folder));

        Assert.Equal("2031.json.year", error.Field);
    }

    [Fact]
    public void Resolve_PublicationDeadline_CountsTwentyWorkingDays()
    {
        var milestone = GuangdongMilestones.Default.Get(GuangdongMilestones.ResultPublication);

        var dates = MilestoneDates.Resolve(milestone, BundledCalendar.Calendar, new DateOnly(2016, 9, 26));

        Assert.Equal(new DateOnly(2016, 10, 27), dates.DueDate);
        Assert.Equal([new ReminderDate(5, new DateOnly(2016, 10, 20)), new ReminderDate(1, new DateOnly(2016, 10, 26))],
            dates.Reminders);
    }

    [Fact]
    public void Resolve_RosterMilestone_UsesDefaultOffsets()
    {
        var milestone = GuangdongMilestones.Default.Get("roster");

        var dates = MilestoneDates.Resolve(milestone, BundledCalendar.Calendar, null);

        Assert.Equal(
            [new DateOnly(2016, 10, 1), new DateOnly(2016, 10, 24), new DateOnly(2016, 10, 30)],
            dates.Reminders.Select(r => r.Date));
    }

    private static DateOnly Parse(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
}
