using System.Net;
using System.Net.Http.Headers;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Host.Local;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Integration.Tests.Notifications;
using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Integration.Tests.Inspections;

/// <summary>
/// Inspection results entered over HTTP on the self-host, on a real Azurite and the real durable engine, with the
/// host's clock fixed inside the years that the bundled working-day calendar covers.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InspectionResultHttpTests(AzuriteFixture azurite)
{
    private const string PlanId = "results";

    // The draw runs at 09:00 China Standard Time on 2026-11-01; results are entered at 10:00 on Monday 2026-11-16.
    private static readonly DateTimeOffset Slot = new(2026, 11, 1, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset EnteredAt = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EnteredResult_IsPublishedAndTracked()
    {
        var port = LoopbackPorts.PickFree();
        await using var harness = await DrawHarness.StartAsync(
            azurite, "Results", $"http://127.0.0.1:{port}",
            configureServices: services => services.Replace(
                ServiceDescriptor.Singleton<TimeProvider>(new FixedTimeProvider(EnteredAt))));
        var data = DrawTestData.Create();
        await harness.SeedAsync(data, DrawTestData.Plan(PlanId));
        var record = await harness.DrawAsync(PlanId, Slot, DrawTestData.Luohu);
        var drawId = record.DrawId;
        var drawn = record.Selected[0].CreditCode;
        var notDrawn = data.Employers.First(e =>
            e.OfficeCode == DrawTestData.Luohu && record.Selected.All(t => t.CreditCode != e.CreditCode)).CreditCode;
        var keys = harness.Runtime.Services.GetRequiredService<ApiKeyStore>();
        var (_, luohuClerk) = await keys.CreateAsync(DrawTestData.Luohu, CallerRoles.Clerk);
        var (_, futianManager) = await keys.CreateAsync(DrawTestData.Futian, CallerRoles.Manager);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var path = $"/api/draws/{drawId}/results";

        using var otherCounty = await HttpJson.PostAsync(http, path, Body(drawn, "RectificationOrdered"), futianManager);
        using var targetNotDrawn = await HttpJson.PostAsync(http, path, Body(notDrawn, "RectificationOrdered"), luohuClerk);
        using var badOutcome = await HttpJson.PostAsync(http, path, Body(drawn, "Fined"), luohuClerk);
        using var entered = await HttpJson.PostAsync(http, path, Body(drawn, "RectificationOrdered"), luohuClerk);

        Assert.Equal(HttpStatusCode.Forbidden, otherCounty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, targetNotDrawn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badOutcome.StatusCode);
        var problem = await HttpJson.ReadAsync(badOutcome);
        Assert.Equal("outcome", problem.GetProperty("field").GetString());
        Assert.Equal("Fined", problem.GetProperty("value").GetString());
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var answer = await HttpJson.ReadAsync(entered);
        var employerName = data.Employers.Single(e => e.CreditCode == drawn).Name;
        Assert.Equal(employerName, answer.GetProperty("result").GetProperty("employerName").GetString());
        var publication = answer.GetProperty("publication");
        var instanceId = publication.GetProperty("instanceId").GetString()!;
        var filingKey = publication.GetProperty("filingKey").GetString()!;
        Assert.Equal($"{GuangdongMilestones.ResultPublication}-{drawId}-{drawn}", filingKey);

        // The public JSON of the office's draw shows the result beside the drawn employer.
        using var page = await http.GetAsync(new Uri($"/api/public/draws/{drawId}/{DrawTestData.Luohu}", UriKind.Relative));
        var target = (await HttpJson.ReadAsync(page)).GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("creditCode").GetString() == drawn);
        Assert.Equal("发现问题，已责令整改（2026-11-12）：未按时足额支付加班工资", target.GetProperty("result").GetString());

        // The deadline counts 20 working days of the bundled calendar from the day of entry.
        var calendar = WorkingDayCalendar.Load(WorkingDayCalendar.FindBundledDirectory());
        var expectedDue = calendar.AddWorkingDays(new DateOnly(2026, 11, 16), 20);
        using (var waiting = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await harness.Client.WaitForInstanceStartAsync(instanceId, waiting.Token);
        }

        var running = await harness.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, running?.RuntimeStatus);
        Assert.Equal(expectedDue, running!.ReadInputAs<MilestoneRequest>()!.Dates.DueDate);
        Assert.Equal(expectedDue.ToString("yyyy-MM-dd", null), publication.GetProperty("dueDate").GetString());

        // Entering the same result again changes nothing and starts no second instance.
        using var repeated = await HttpJson.PostAsync(http, path, Body(drawn, "RectificationOrdered"), luohuClerk);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        var repeatedAnswer = await HttpJson.ReadAsync(repeated);
        Assert.Equal("unchanged", repeatedAnswer.GetProperty("change").GetString());
        Assert.False(repeatedAnswer.GetProperty("publication").GetProperty("started").GetBoolean());

        // Uploading the publication document through the filing route meets the milestone.
        using var document = new ByteArrayContent("抽查结果公示"u8.ToArray());
        document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var upload = new HttpRequestMessage(
            HttpMethod.Put, $"/api/milestones/filings/{DrawTestData.Luohu}/{filingKey}/documents/publication.pdf")
        {
            Content = document,
        };
        upload.Headers.Add(ApiKeyCallerResolver.Header, luohuClerk);
        using var uploaded = await http.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var ended = await harness.WaitAsync(instanceId, TimeSpan.FromMinutes(2));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, ended.RuntimeStatus);
        Assert.Equal(MilestoneOutcome.Met, ended.ReadOutputAs<MilestoneResult>()!.Outcome);
    }

    private static object Body(string creditCode, string outcome) => new
    {
        officeCode = DrawTestData.Luohu,
        creditCode,
        inspectedOn = "2026-11-12",
        outcome,
        findings = "未按时足额支付加班工资",
    };
}
