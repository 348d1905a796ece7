using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Calendar;

/// <summary>
/// Stored calendar years, pending milestone starts and the calendar provider over them, on a real Azurite. Two
/// providers on one storage account stand for two hosts.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalendarStorageTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset LoadedAt = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(1);

    private readonly StorageContext context = CreateContext(azurite, "calendar");

    [Fact]
    public async Task Save_ThenList_ReturnsYearWithLoader()
    {
        var store = new TableCalendarYearStore(context);

        var (stored, change) = await store.SaveAsync(CalendarTestYears.Year2027, "key:0123456789ab", LoadedAt);
        var listed = Assert.Single(await store.ListAsync());

        Assert.Equal(CalendarYearChange.Created, change);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(2027, listed.Year.Year);
        Assert.Equal(1, listed.Revision);
        Assert.Equal("key:0123456789ab", listed.LoadedBy);
        Assert.Equal(LoadedAt, listed.LoadedAt);
        Assert.Equal(CalendarTestYears.Year2027.ComputeSha256(), listed.Sha256);
        Assert.Equal(CalendarTestYears.Year2027.Holidays, listed.Year.Holidays);
        Assert.Equal(CalendarTestYears.Year2027.Workdays, listed.Year.Workdays);
    }

    [Fact]
    public async Task Save_SameContentAgain_IsUnchanged()
    {
        var store = new TableCalendarYearStore(context);
        await store.SaveAsync(CalendarTestYears.Year2027, "key:first", LoadedAt);

        var (stored, change) = await store.SaveAsync(CalendarTestYears.Year2027, "key:second", LoadedAt.AddHours(1));

        Assert.Equal(CalendarYearChange.Unchanged, change);
        Assert.Equal(1, stored.Revision);
        Assert.Equal("key:first", stored.LoadedBy);
        Assert.Equal(LoadedAt, stored.LoadedAt);
    }

    [Fact]
    public async Task Save_CorrectedYear_ReplacesWithNextRevision()
    {
        var store = new TableCalendarYearStore(context);
        await store.SaveAsync(CalendarTestYears.Year2027, "key:first", LoadedAt);

        var (stored, change) = await store.SaveAsync(Corrected2027(), "key:second", LoadedAt.AddDays(1));
        var listed = Assert.Single(await store.ListAsync());

        Assert.Equal(CalendarYearChange.Replaced, change);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(2, listed.Revision);
        Assert.Equal("key:second", listed.LoadedBy);
        Assert.True(listed.Year.Holidays.ContainsKey(new DateOnly(2027, 1, 4)));
    }

    [Fact]
    public async Task Save_LoadedByMissing_WritesNothing()
    {
        var store = new TableCalendarYearStore(context);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => store.SaveAsync(CalendarTestYears.Year2027, " ", LoadedAt));

        Assert.Equal("loadedBy", error.Field);
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task Provider_YearFromOtherHost_IsRead()
    {
        var store = new TableCalendarYearStore(context);
        var thisHost = Provider(store);
        var otherHost = Provider(new TableCalendarYearStore(context));
        Assert.Equal([2026], (await thisHost.GetAsync()).Years);

        await store.SaveAsync(CalendarTestYears.Year2027, "key:other", LoadedAt);
        var due = await otherHost.ComputeAsync(c => c.AddWorkingDays(new DateOnly(2026, 12, 4), 20));
        var dueHere = await thisHost.ComputeAsync(c => c.AddWorkingDays(new DateOnly(2026, 12, 4), 20));

        Assert.Equal(new DateOnly(2027, 1, 4), due);
        Assert.Equal(new DateOnly(2027, 1, 4), dueHere);
    }

    [Fact]
    public async Task Provider_YearMissingEverywhere_Throws()
    {
        var provider = Provider(new TableCalendarYearStore(context));

        var missing = await Assert.ThrowsAsync<CalendarYearMissingException>(
            () => provider.ComputeAsync(c => c.AddWorkingDays(new DateOnly(2026, 12, 4), 20)));

        Assert.Equal(2027, missing.Year);
    }

    [Fact]
    public async Task Provider_StoredYear_WinsOverBundled()
    {
        var store = new TableCalendarYearStore(context);
        var provider = Provider(store);

        // The stored 2026 lists only New Year's Day, so Monday 2026-10-05 of the bundled National Day week works.
        var corrected = CalendarYearParser.Parse(
            """{"year": 2026, "holidays": {"2026-01-01": "元旦"}, "workdays": {}}"""u8);
        await store.SaveAsync(corrected, "key:province", LoadedAt);
        var calendar = await provider.RefreshAsync();
        var sources = await provider.ListAsync();

        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 5)));
        var source = Assert.Single(sources);
        Assert.Equal(CalendarSourceKind.Stored, source.Source);
        Assert.True(source.ReplacesBundled);
        Assert.Equal(1, source.Holidays);
        Assert.Equal("key:province", source.LoadedBy);
    }

    [Fact]
    public async Task PendingStart_AddedTwice_KeepsFirstStartDate()
    {
        var store = new TablePendingMilestoneStore(context);
        var first = Pending(new DateOnly(2026, 12, 4));

        await store.AddIfMissingAsync(first);
        var returned = await store.AddIfMissingAsync(Pending(new DateOnly(2026, 12, 7)));

        Assert.Equal(new DateOnly(2026, 12, 4), returned.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 4), (await store.GetAsync(first.InstanceId))!.StartDate);
        var listed = Assert.Single(await store.ListAsync());
        Assert.Equal(first.SubjectId, listed.SubjectId);
        Assert.Equal(2027, listed.MissingYear);
    }

    [Fact]
    public async Task PendingStart_ClaimedTwiceAtOnce_OneWins()
    {
        var store = new TablePendingMilestoneStore(context);
        var start = await store.AddIfMissingAsync(Pending(new DateOnly(2026, 12, 4)));

        var claims = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => store.TryClaimAsync(start.InstanceId, LoadedAt, ClaimTimeout)));
        var staleTakeover = await store.TryClaimAsync(start.InstanceId, LoadedAt.AddMinutes(2), ClaimTimeout);
        await store.DeleteAsync(start.InstanceId);
        await store.DeleteAsync(start.InstanceId);

        Assert.Single(claims, claimed => claimed);
        Assert.True(staleTakeover);
        Assert.Null(await store.GetAsync(start.InstanceId));
        Assert.False(await store.TryClaimAsync(start.InstanceId, LoadedAt.AddMinutes(4), ClaimTimeout));
    }

    private static WorkingDayCalendarProvider Provider(ICalendarYearStore store) => new(
        CalendarTestYears.BundledOnly(2026),
        store,
        TimeProvider.System,
        NullLogger<WorkingDayCalendarProvider>.Instance);

    private static CalendarYear Corrected2027()
    {
        var json = CalendarTestYears.Made2027.Replace(
            "\"2027-01-01\": \"元旦\",", "\"2027-01-01\": \"元旦\", \"2027-01-04\": \"元旦\",", StringComparison.Ordinal);
        return CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json));
    }

    private static PendingMilestoneStart Pending(DateOnly startDate) => new(
        "milestone-gd-2016-v1-result-publication-draw-1-91440303MA5XXXXX01-440303",
        GuangdongMilestones.SetId,
        1,
        GuangdongMilestones.ResultPublication,
        "440303",
        "draw-1-91440303MA5XXXXX01",
        startDate,
        2027,
        LoadedAt);
}
