using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Calendar;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Engine;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;
using Serverless.Shared.Registry;
using Serverless.Workflows.Milestones;
using Serverless.Workflows.Scheduling;

namespace Serverless.Integration.Tests.Inspections;

/// <summary>
/// An inspection result entered on Friday 2026-12-04, whose publication deadline of 20 working days falls in 2027
/// while the calendar covers 2026 alone, on a real Azurite and the real durable engine. Loading a made-up 2027 over
/// HTTP then starts the deadline counted from the day of the first entry.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PendingPublicationTests(AzuriteFixture azurite)
{
    private const string PlanId = "pending";

    private static readonly DateTimeOffset Slot = new(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);

    // 10:00 China Standard Time on Friday 2026-12-04.
    private static readonly DateTimeOffset EnteredAt = new(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly EntryDay = new(2026, 12, 4);

    [Fact]
    public async Task PendingResult_YearLoaded_StartsOnce()
    {
        var clock = new ManualTimeProvider(EnteredAt);
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(
            azurite, "Pending", $"http://127.0.0.1:{port}",
            configureServices: services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.Replace(ServiceDescriptor.Singleton(CalendarTestYears.BundledOnly(2026)));

                // Keeps the serve tick, which runs when the clock is advanced, from catching up the 2026-12-01 slot.
                var scheduler = new SchedulerOptions { CatchUpWindow = TimeSpan.FromHours(1) };
                services.Replace(ServiceDescriptor.Singleton(scheduler));
            });
        var data = DrawTestData.Create();
        await harness.SeedAsync(data, DrawTestData.Plan(PlanId));
        var record = await harness.DrawAsync(PlanId, Slot, DrawTestData.Luohu);
        var drawId = record.DrawId;
        var drawn = record.Selected[0].CreditCode;
        var keys = harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (_, clerk) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Clerk);
        var (_, province) = await keys.CreateAsync(DrawTestData.Province, CallerRoles.Manager);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var path = $"/api/draws/{drawId}/results";
        var pending = harness.Runtime.Services.GetRequiredService<IPendingMilestoneStore>();

        // Entered while 2027 is missing: stored, published and pending.
        using var entered = await HttpJson.PostAsync(http, path, Body(drawn, "未按时足额支付加班工资"), clerk);

        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var publication = (await HttpJson.ReadAsync(entered)).GetProperty("publication");
        Assert.True(publication.GetProperty("pending").GetBoolean());
        Assert.False(publication.GetProperty("started").GetBoolean());
        Assert.Equal(2027, publication.GetProperty("missingYear").GetInt32());
        Assert.Equal("2026-12-04", publication.GetProperty("startDate").GetString());
        Assert.Contains("2027", publication.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var instanceId = publication.GetProperty("instanceId").GetString()!;
        Assert.Null(await harness.Client.GetInstanceAsync(instanceId));
        Assert.Equal(EntryDay, (await pending.GetAsync(instanceId))!.StartDate);
        Assert.Equal("未按时足额支付加班工资", (await StoredResultAsync(harness, drawId, drawn))!.Findings);
        var publicPath = new Uri($"/api/public/draws/{drawId}/{DrawTestData.Luohu}", UriKind.Relative);
        using (var page = await http.GetAsync(publicPath))
        {
            var target = (await HttpJson.ReadAsync(page)).GetProperty("targets").EnumerateArray()
                .Single(t => t.GetProperty("creditCode").GetString() == drawn);
            Assert.Contains("未按时足额支付加班工资", target.GetProperty("result").GetString(), StringComparison.Ordinal);
        }

        using (var listing = await CalendarTestYears.ListAsync(http, clerk))
        {
            var waiting = Assert.Single((await HttpJson.ReadAsync(listing)).GetProperty("pendingStarts").EnumerateArray());
            Assert.Equal(2027, waiting.GetProperty("year").GetInt32());
            Assert.Equal(1, waiting.GetProperty("starts").GetInt32());
        }

        // Corrected on Monday 2026-12-07, still before 2027 is loaded: the pending start keeps the first day.
        clock.Advance(TimeSpan.FromDays(3));
        using var corrected = await HttpJson.PostAsync(http, path, Body(drawn, "未按时足额支付加班工资，已于当日整改"), clerk);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var correctedAnswer = await HttpJson.ReadAsync(corrected);
        Assert.Equal("replaced", correctedAnswer.GetProperty("change").GetString());
        Assert.True(correctedAnswer.GetProperty("publication").GetProperty("pending").GetBoolean());
        Assert.Equal("2026-12-04", correctedAnswer.GetProperty("publication").GetProperty("startDate").GetString());
        Assert.Equal(EntryDay, Assert.Single(await pending.ListAsync()).StartDate);

        // Two loads of 2027 at once: one stores it, and the pending deadline starts once.
        var loads = await Task.WhenAll(
            CalendarTestYears.PutAsync(http, "2027", CalendarTestYears.Made2027, province),
            CalendarTestYears.PutAsync(http, "2027", CalendarTestYears.Made2027, province));
        var answers = new List<JsonElement>();
        foreach (var load in loads)
        {
            answers.Add(await HttpJson.ReadAsync(load));
            load.Dispose();
        }

        Assert.Single(loads, load => load.StatusCode == HttpStatusCode.Created);
        Assert.Single(loads, load => load.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, answers.Sum(answer => answer.GetProperty("pendingStarted").GetInt32()));
        var calendar = WorkingDayCalendar.FromYears(
            [.. CalendarTestYears.BundledOnly(2026).Years, CalendarTestYears.Year2027]);
        var expectedDue = calendar.AddWorkingDays(EntryDay, 20);
        Assert.Equal(new DateOnly(2027, 1, 4), expectedDue);
        Assert.NotEqual(calendar.AddWorkingDays(new DateOnly(2026, 12, 7), 20), expectedDue);
        using (var waiting = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await harness.Client.WaitForInstanceStartAsync(instanceId, waiting.Token);
        }

        var running = await harness.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running?.RuntimeStatus);
        Assert.Equal(expectedDue, running!.ReadInputAs<MilestoneRequest>()!.Dates.DueDate);
        Assert.Empty(await pending.ListAsync());

        // A load repeated after a crash that left the pending start behind removes it and starts nothing.
        await pending.AddIfMissingAsync(new PendingMilestoneStart(
            instanceId, GuangdongMilestones.SetId, 1, GuangdongMilestones.ResultPublication, DrawTestData.Luohu,
            $"{drawId}-{drawn}", EntryDay, 2027, EnteredAt));
        using var again = await CalendarTestYears.PutAsync(http, "2027", CalendarTestYears.Made2027, province);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var againAnswer = await HttpJson.ReadAsync(again);
        Assert.Equal("unchanged", againAnswer.GetProperty("change").GetString());
        Assert.Equal(0, againAnswer.GetProperty("pendingStarted").GetInt32());
        Assert.Empty(await pending.ListAsync());
        var still = await harness.Client.GetInstanceAsync(instanceId);
        Assert.Equal(running.CreatedAt, still!.CreatedAt);
        Assert.Equal(OrchestrationRuntimeStatus.Running, still.RuntimeStatus);

        // Entering the result again now returns the started deadline.
        using var repeated = await HttpJson.PostAsync(http, path, Body(drawn, "未按时足额支付加班工资，已于当日整改"), clerk);

        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var repeatedPublication = (await HttpJson.ReadAsync(repeated)).GetProperty("publication");
        Assert.False(repeatedPublication.GetProperty("pending").GetBoolean());
        Assert.False(repeatedPublication.GetProperty("started").GetBoolean());
        Assert.Equal("2027-01-04", repeatedPublication.GetProperty("dueDate").GetString());
    }

    private static Task<InspectionResult?> StoredResultAsync(DrawHarness harness, string drawId, string creditCode) =>
        harness.Runtime.Services.GetRequiredService<IInspectionResultStore>()
            .GetAsync(DrawTestData.Luohu, drawId, creditCode);

    private static object Body(string creditCode, string findings) => new
    {
        officeCode = DrawTestData.Luohu,
        creditCode,
        inspectedOn = "2026-11-12",
        outcome = "RectificationOrdered",
        findings,
    };
}
