using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Serverless.Functions.Triggers;
using Serverless.Http.Access;
using Serverless.Http.Calendar;
using Serverless.Http.Registry;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Storage;
using Serverless.Workflows.Calendar;
using Serverless.Workflows.Milestones;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Runs the calendar triggers over the real shared handlers, parser, loader and client principal resolver, with
/// mocked stores and durable client and the bundled year 2026 alone.
/// </summary>
public sealed class CalendarFunctionsTests
{
    private const string Province = "440000";
    private const string Shenzhen = "440300";

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);

    private readonly Mock<IRegistryStore> registry = new();
    private readonly Mock<ICalendarYearStore> storedYears = new();
    private readonly Mock<IPendingMilestoneStore> pending = new();
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly List<(CalendarYear Year, string LoadedBy)> saved = [];
    private readonly CalendarFunctions function;

    public CalendarFunctionsTests()
    {
        Office[] offices =
        [
            new(Province, "广东省", OfficeTier.Province, null, "p@hrss.example", false),
            new(Shenzhen, "深圳市", OfficeTier.City, Province, "s@hrss.example", false),
        ];
        registry.Setup(r => r.ListOfficesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(offices);
        storedYears.Setup(s => s.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => saved.Select(s => Stored(s.Year, s.LoadedBy)).ToList());
        storedYears
            .Setup(s => s.SaveAsync(
                It.IsAny<CalendarYear>(),
                It.IsAny<string>(),
                It.IsAny<DateTimeOffset>(),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync((CalendarYear year, string loadedBy, DateTimeOffset _, CancellationToken _) =>
            {
                saved.Add((year, loadedBy));
                return (Stored(year, loadedBy), CalendarYearChange.Created);
            });
        pending.Setup(p => p.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var time = new ManualTimeProvider(Now);
        var calendars = new WorkingDayCalendarProvider(
            BundledYears.Only(2026), storedYears.Object, time, NullLogger<WorkingDayCalendarProvider>.Instance);
        var sets = new MilestoneSetStore(Mock.Of<IRecordStore>());
        var instances = new MilestoneInstances(
            sets, calendars, pending.Object, time, NullLogger<MilestoneInstances>.Instance);
        var pendingStarts = new PendingMilestoneStarts(
            pending.Object, sets, instances, calendars, time, NullLogger<PendingMilestoneStarts>.Instance);
        var loader = new CalendarLoader(storedYears.Object, pendingStarts, time, NullLogger<CalendarLoader>.Instance);
        var access = new RegistryAccess(new ClientPrincipalCallerResolver(), registry.Object);
        function = new CalendarFunctions(
            new CalendarHandlers(access, registry.Object, loader, calendars, pendingStarts));
    }

    [Fact]
    public async Task Put_ProvinceManager_StoresYear()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Province}:manager"), Year2027());

        var result = await function.PutYearAsync(context.Request, "2027", client.Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(201, context.Response.StatusCode);
        var (year, loadedBy) = Assert.Single(saved);
        Assert.Equal(2027, year.Year);
        Assert.Equal("principal:user-1", loadedBy);
        var answer = TriggerRequests.ReadJson(context);
        Assert.Equal("created", answer.GetProperty("change").GetString());
        Assert.Equal(2, answer.GetProperty("holidays").GetInt32());
        Assert.Equal(0, answer.GetProperty("pendingStarted").GetInt32());
    }

    [Fact]
    public async Task Put_NoPrincipal_Returns401()
    {
        var context = TriggerRequests.Create(null, Year2027());

        await function.PutYearAsync(context.Request, "2027", client.Object);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Empty(saved);
    }

    [Theory]
    [InlineData(Shenzhen, "manager")]
    [InlineData(Province, "clerk")]
    public async Task Put_NotProvinceManager_Returns403(string office, string role)
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{office}:{role}"), Year2027());

        await function.PutYearAsync(context.Request, "2027", client.Object);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Empty(saved);
    }

    [Fact]
    public async Task Put_InvalidYear_Returns400ListingEachError()
    {
        // 2027-02-10 is a Wednesday and 2028-01-01 lies in another year.
        var body = JsonSerializer.Serialize(new
        {
            year = 2027,
            holidays = new Dictionary<string, string> { ["2027-01-01"] = "元旦", ["2028-01-01"] = "元旦" },
            workdays = new Dictionary<string, string> { ["2027-02-10"] = "春节" },
        });
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Province}:manager"), body);

        await function.PutYearAsync(context.Request, "2027", client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        var problem = TriggerRequests.ReadJson(context);
        Assert.Equal("holidays", problem.GetProperty("field").GetString());
        Assert.Equal("2028-01-01", problem.GetProperty("value").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("2028-01-01", errors.GetProperty("holidays")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Wednesday", errors.GetProperty("workdays")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(saved);
    }

    [Theory]
    [InlineData("2028", "year", "2027")]
    [InlineData("27", "year", "27")]
    public async Task Put_RouteYearInvalid_Returns400(string routeYear, string field, string value)
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Province}:manager"), Year2027());

        await function.PutYearAsync(context.Request, routeYear, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        var problem = TriggerRequests.ReadJson(context);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Empty(saved);
    }

    [Fact]
    public async Task List_AnyCaller_ShowsSources()
    {
        saved.Add((CalendarYearParser.Parse(System.Text.Encoding.UTF8.GetBytes(Year2027())), "principal:user-1"));
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Shenzhen}:clerk"), "");

        await function.ListAsync(context.Request);

        Assert.Equal(200, context.Response.StatusCode);
        var years = TriggerRequests.ReadJson(context).GetProperty("years").EnumerateArray().ToList();
        Assert.Equal([2026, 2027], years.Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal("Bundled", years[0].GetProperty("source").GetString());
        Assert.Equal("Stored", years[1].GetProperty("source").GetString());
        Assert.Equal("principal:user-1", years[1].GetProperty("loadedBy").GetString());
    }

    [Fact]
    public async Task List_NoPrincipal_Returns401()
    {
        var context = TriggerRequests.Create(null, "");

        await function.ListAsync(context.Request);

        Assert.Equal(401, context.Response.StatusCode);
    }

    /// <summary>A made-up 2027 for tests: two holidays and one make-up working day on a Saturday.</summary>
    private static string Year2027() => JsonSerializer.Serialize(new
    {
        year = 2027,
        holidays = new Dictionary<string, string> { ["2027-01-01"] = "元旦", ["2027-10-01"] = "国庆节" },
        workdays = new Dictionary<string, string> { ["2027-10-09"] = "国庆节" },
    });

    private static StoredCalendarYear Stored(CalendarYear year, string loadedBy) =>
        new(year, 1, year.ComputeSha256(), Now, loadedBy);
}
