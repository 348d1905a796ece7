using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Serverless.Http.Access;
using Serverless.Http.Milestones;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Milestones;

namespace Serverless.Integration.Tests.Milestones;

/// <summary>The superior office's status view and the filing handlers, on Azurite with the default set.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MilestoneStatusTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly BeforeRosterDue = new(2016, 10, 27);

    private DrawHarness harness = null!;

    public async Task InitializeAsync()
    {
        harness = await DrawHarness.StartAsync(azurite, "Status");
        var registry = harness.Runtime.Storage.Registry;
        await registry.UpsertOfficesAsync(DrawTestData.Create(1, 0).Offices);
        await registry.UpsertOfficersAsync(MilestoneTestData.Officers(DrawTestData.Luohu, 2, 12));
        await registry.UpsertOfficersAsync(MilestoneTestData.Officers(DrawTestData.Futian, 6, 0));
        await harness.Runtime.Services.GetRequiredService<MilestoneSetStore>().TryAddAsync(GuangdongMilestones.Default);
    }

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Status_City_ListsOnlyItsCounties()
    {
        var report = await QueryAsync(DrawTestData.Shenzhen, BeforeRosterDue);

        Assert.Equal([DrawTestData.Luohu, DrawTestData.Futian], report.Rows.Select(r => r.OfficeCode).Distinct());
    }

    [Fact]
    public async Task Status_BeforeDue_ShortCountyDueSoon()
    {
        var report = await QueryAsync(DrawTestData.Shenzhen, BeforeRosterDue);

        Assert.Equal(MilestoneState.DueSoon, Row(report, DrawTestData.Luohu, "roster").State);
        Assert.Equal(MilestoneState.Done, Row(report, DrawTestData.Futian, "roster").State);
        Assert.Equal(MilestoneState.OnTrack, Row(report, DrawTestData.Luohu, "rules").State);
    }

    [Fact]
    public async Task Status_AfterDue_ShortCountyOverdue()
    {
        var report = await QueryAsync(DrawTestData.Shenzhen, new DateOnly(2016, 11, 10));

        var row = Row(report, DrawTestData.Luohu, "roster");
        Assert.Equal(MilestoneState.Overdue, row.State);
        Assert.Equal(10, row.DaysLate);
        Assert.Contains("12 名执法人员的执法证已过期", row.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Province_DongguanFilesRulesWithProvince()
    {
        var report = await QueryAsync(DrawTestData.Province, BeforeRosterDue);

        Assert.Equal(DrawTestData.Province, Row(report, DrawTestData.Dongguan, "rules").ReviewerOfficeCode);
        Assert.Equal(DrawTestData.Shenzhen, Row(report, DrawTestData.Luohu, "rules").ReviewerOfficeCode);
        Assert.DoesNotContain(report.Rows, r => r.OfficeCode == DrawTestData.Dongguan && r.MilestoneId == "campaign-mechanism");
        Assert.DoesNotContain(report.Rows, r => r.OfficeCode == DrawTestData.Shenzhen && r.MilestoneId == "rules");
        Assert.Equal(DrawTestData.Province, Row(report, DrawTestData.Shenzhen, "campaign-mechanism").ReviewerOfficeCode);
    }

    [Fact]
    public async Task Filing_DongguanAcknowledgedByProvince_IsDone()
    {
        var upload = await SendAsync(Caller(DrawTestData.Dongguan), c =>
        {
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("东莞市双随机抽查实施细则"));
            c.Request.ContentLength = c.Request.Body.Length;
            c.Request.ContentType = "text/plain; charset=utf-8";
            return MilestoneHandlers.PutDocumentAsync(c, harness.Client, DrawTestData.Dongguan, "rules", "rules.txt");
        });
        var byCity = await SendAsync(Caller(DrawTestData.Shenzhen),
            c => MilestoneHandlers.AcknowledgeAsync(c, harness.Client, DrawTestData.Dongguan, "rules"));
        var byProvince = await SendAsync(Caller(DrawTestData.Province),
            c => MilestoneHandlers.AcknowledgeAsync(c, harness.Client, DrawTestData.Dongguan, "rules"));
        var report = await QueryAsync(DrawTestData.Province, BeforeRosterDue);

        Assert.Equal(StatusCodes.Status201Created, upload.Response.StatusCode);
        Assert.Equal(StatusCodes.Status403Forbidden, byCity.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, byProvince.Response.StatusCode);
        Assert.Equal(MilestoneState.Done, Row(report, DrawTestData.Dongguan, "rules").State);
    }

    [Fact]
    public async Task Filing_AcknowledgeWithoutDocument_IsConflict()
    {
        var context = await SendAsync(Caller(DrawTestData.Shenzhen),
            c => MilestoneHandlers.AcknowledgeAsync(c, harness.Client, DrawTestData.Futian, "rules"));

        Assert.Equal(StatusCodes.Status409Conflict, context.Response.StatusCode);
    }

    [Fact]
    public async Task Filing_UploadForOtherOffice_IsForbidden()
    {
        var context = await SendAsync(Caller(DrawTestData.Shenzhen), c =>
        {
            c.Request.Body = new MemoryStream([1, 2, 3]);
            c.Request.ContentLength = 3;
            return MilestoneHandlers.PutDocumentAsync(c, harness.Client, DrawTestData.Luohu, "rules", "rules.pdf");
        });

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
    }

    [Fact]
    public async Task StatusHandler_Csv_HasHeaderAndRows()
    {
        var context = await SendAsync(null, c =>
        {
            c.Request.QueryString = new QueryString("?office=440300&asOf=2016-10-27&format=csv");
            return MilestoneHandlers.GetStatusAsync(c);
        });
        var lines = Body(context).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("text/csv", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Equal("officeCode,officeName,milestoneId,milestoneName,dueDate,state,daysLate,reviewerOfficeCode,missing", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("440303,罗湖区,roster,执法人员名录库建立并录入系统,2016-10-31,DueSoon,0,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatusHandler_Html_HasStateRows()
    {
        var context = await SendAsync(null, c =>
        {
            c.Request.QueryString = new QueryString("?office=440300&asOf=2016-10-27");
            c.Request.Headers.Accept = "text/html";
            return MilestoneHandlers.GetStatusAsync(c);
        });
        var html = Body(context);

        Assert.StartsWith("text/html", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"DueSoon\"><td>440303</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusHandler_Json_UsesStateNames()
    {
        var context = await SendAsync(null, c =>
        {
            c.Request.QueryString = new QueryString("?office=440300&asOf=2016-11-10");
            return MilestoneHandlers.GetStatusAsync(c);
        });
        using var json = JsonDocument.Parse(Body(context));
        var luohu = json.RootElement.GetProperty("rows").EnumerateArray()
            .First(r => r.GetProperty("officeCode").GetString() == "440303" && r.GetProperty("milestoneId").GetString() == "roster");

        Assert.Equal("Overdue", luohu.GetProperty("state").GetString());
        Assert.Equal(10, luohu.GetProperty("daysLate").GetInt32());
    }

    [Fact]
    public async Task StatusHandler_UnknownOffice_IsNotFound()
    {
        var context = await SendAsync(null, c =>
        {
            c.Request.QueryString = new QueryString("?office=999999");
            return MilestoneHandlers.GetStatusAsync(c);
        });

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    [Theory]
    [InlineData(true, "2016-12-01", MilestoneState.Done, 0)]
    [InlineData(false, "2016-10-23", MilestoneState.OnTrack, 0)]
    [InlineData(false, "2016-10-24", MilestoneState.DueSoon, 0)]
    [InlineData(false, "2016-10-31", MilestoneState.DueSoon, 0)]
    [InlineData(false, "2016-11-01", MilestoneState.Overdue, 1)]
    public void StateOf_Date_ReturnsState(bool done, string asOf, MilestoneState state, int daysLate)
    {
        var (actual, late) = MilestoneStatusQuery.StateOf(
            done, MilestoneTestData.RosterDue, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(state, actual);
        Assert.Equal(daysLate, late);
    }

    private async Task<MilestoneStatusReport> QueryAsync(string office, DateOnly asOf) =>
        (await harness.Runtime.Services.GetRequiredService<MilestoneStatusQuery>()
            .GetAsync(office, GuangdongMilestones.SetId, asOf))!;

    private static MilestoneStatusRow Row(MilestoneStatusReport report, string office, string milestone) =>
        report.Rows.Single(r => r.OfficeCode == office && r.MilestoneId == milestone);

    private static Caller Caller(string office) => new(office, CallerRoles.Manager, $"key-{office}");

    private async Task<DefaultHttpContext> SendAsync(Caller? caller, Func<HttpContext, Task> handler)
    {
        var resolver = new Mock<ICallerResolver>();
        resolver.Setup(r => r.ResolveAsync(It.IsAny<HttpRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(caller);
        var context = new DefaultHttpContext { RequestServices = new CallerServices(harness.Runtime.Services, resolver.Object) };
        context.Response.Body = new MemoryStream();
        await handler(context);
        return context;
    }

    private static string Body(DefaultHttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
