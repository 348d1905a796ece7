using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Serverless.Functions.Triggers;
using Serverless.Http.Access;
using Serverless.Http.Inspections;
using Serverless.Http.Registry;
using Serverless.Shared.Calendar;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Milestones;
using Serverless.Shared.Records;
using Serverless.Shared.Registry;
using Serverless.Shared.Storage;
using Serverless.Workflows.Milestones;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Runs the inspection result trigger over the real shared handler, the real client principal resolver and the
/// bundled working-day calendar of 2026 alone, with mocked stores and durable client.
/// </summary>
public sealed class InspectionResultFunctionTests
{
    private const string Shenzhen = "440300";
    private const string Luohu = "440303";
    private const string Futian = "440304";
    private const string DrawId = "draw-monthly-20261101T0100Z";

    // 10:00 China Standard Time on Monday 2026-11-16.
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 16);
    private static readonly string Drawn = Code("91440303000000001");
    private static readonly string NotDrawn = Code("91440303000000002");

    private readonly Mock<IRegistryStore> registry = new();
    private readonly Mock<IRecordStore> records = new();
    private readonly Mock<IInspectionResultStore> results = new();
    private readonly Mock<ICalendarYearStore> storedYears = new();
    private readonly Mock<IPendingMilestoneStore> pending = new();
    private readonly List<PendingMilestoneStart> deferred = [];
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly List<(string Name, string? InstanceId, object? Input)> starts = [];
    private readonly List<InspectionResult> upserted = [];
    private InspectionResult? stored;
    private readonly WorkingDayCalendar calendar = WorkingDayCalendar.FromYears(BundledYears.Only(2026).Years);
    private readonly ManualTimeProvider time = new(Now);
    private readonly InspectionResultFunction function;
    private OrchestrationMetadata? instance;

    public InspectionResultFunctionTests()
    {
        Office[] offices =
        [
            new("440000", "广东省", OfficeTier.Province, null, "p@hrss.example", false),
            new(Shenzhen, "深圳市", OfficeTier.City, "440000", "s@hrss.example", false),
            new(Luohu, "罗湖区", OfficeTier.County, Shenzhen, "l@hrss.example", true),
            new(Futian, "福田区", OfficeTier.County, Shenzhen, "f@hrss.example", true),
        ];
        registry.Setup(r => r.ListOfficesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(offices);
        registry.Setup(r => r.GetOfficeAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string code, CancellationToken _) => offices.FirstOrDefault(o => o.Code == code));
        registry.Setup(r => r.ListEmployersAsync(Luohu, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new Employer(Drawn, "罗湖测试有限公司", Luohu, "测试路1号", "C", 40, TargetType.Employer,
                EmployerSource.GridCollection, [], null, EmployerStatus.Active),
        ]);
        records.Setup(r => r.ReadAsync(DrawPaths.OfficeRecord(DrawId, Luohu), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RecordJson.Serialize(Record()));
        records.Setup(r => r.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        records.Setup(r => r.TryWriteOnceAsync(
                It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        results.Setup(r => r.PutAsync(It.IsAny<InspectionResult>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((InspectionResult row, CancellationToken _) =>
            {
                if (row != stored)
                {
                    upserted.Add(row);
                }

                return stored;
            });

        // GetInstanceAsync forwards to the abstract GetInstancesAsync, so CallBase plus this setup serves it.
        client
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => instance);
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                starts.Add((name.Name, options?.InstanceId, input));
                return options?.InstanceId ?? "";
            });

        storedYears.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        pending.Setup(p => p.AddIfMissingAsync(It.IsAny<PendingMilestoneStart>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((PendingMilestoneStart start, CancellationToken _) =>
            {
                deferred.Add(start);
                return start;
            });

        var access = new RegistryAccess(new ClientPrincipalCallerResolver(), registry.Object);
        var sets = new MilestoneSetStore(records.Object);
        var calendars = new WorkingDayCalendarProvider(
            BundledYears.Only(2026), storedYears.Object, time, NullLogger<WorkingDayCalendarProvider>.Instance);
        var instances = new MilestoneInstances(
            sets, calendars, pending.Object, time, NullLogger<MilestoneInstances>.Instance);
        var handlers = new InspectionResultHandlers(
            access, registry.Object, records.Object, results.Object, sets, instances, time);
        function = new InspectionResultFunction(handlers);
    }

    [Fact]
    public async Task Enter_CountyClerkDrawnTarget_StoresAndStartsMilestone()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body());

        var result = await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(201, context.Response.StatusCode);
        var written = Assert.Single(upserted);
        Assert.Equal("罗湖测试有限公司", written.EmployerName);
        Assert.Equal(InspectionOutcome.RectificationOrdered, written.Outcome);
        Assert.Equal(new DateOnly(2026, 11, 10), written.InspectedOn);
        var start = Assert.Single(starts);
        var subjectId = $"{DrawId}-{Drawn}";
        Assert.Equal(MilestoneTaskNames.Orchestrator, start.Name);
        Assert.Equal(
            MilestoneInstances.InstanceId(
                GuangdongMilestones.SetId, 1, $"{GuangdongMilestones.ResultPublication}-{subjectId}", Luohu),
            start.InstanceId);
        var request = Assert.IsType<MilestoneRequest>(start.Input);
        Assert.Equal(subjectId, request.SubjectId);
        Assert.Equal(calendar.AddWorkingDays(Today, 20), request.Dates.DueDate);
        Assert.Equal(Now, request.Clock.Origin);
        var answer = TriggerRequests.ReadJson(context);
        Assert.Equal("created", answer.GetProperty("change").GetString());
        Assert.Equal(start.InstanceId, answer.GetProperty("publication").GetProperty("instanceId").GetString());
        Assert.Equal("2026-12-14", answer.GetProperty("publication").GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Enter_DeadlineInMissingYear_StoresAndDefers()
    {
        // On Friday 2026-12-04 the 20th working day lies in 2027, which this calendar lacks.
        time.Now = new DateTimeOffset(2026, 12, 4, 2, 0, 0, TimeSpan.Zero);
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body());

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(201, context.Response.StatusCode);
        Assert.Single(upserted);
        Assert.Empty(starts);
        var entry = Assert.Single(deferred);
        Assert.Equal(new DateOnly(2026, 12, 4), entry.StartDate);
        Assert.Equal(2027, entry.MissingYear);
        Assert.Equal($"{DrawId}-{Drawn}", entry.SubjectId);
        var publication = TriggerRequests.ReadJson(context).GetProperty("publication");
        Assert.True(publication.GetProperty("pending").GetBoolean());
        Assert.False(publication.GetProperty("started").GetBoolean());
        Assert.Equal(2027, publication.GetProperty("missingYear").GetInt32());
        Assert.Equal("2026-12-04", publication.GetProperty("startDate").GetString());
        Assert.False(publication.TryGetProperty("dueDate", out _));
        Assert.Equal(entry.InstanceId, publication.GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task Enter_SameResultAgain_WritesAndStartsNothing()
    {
        stored = new InspectionResult(
            DrawId, Luohu, Drawn, "罗湖测试有限公司", new DateOnly(2026, 11, 10), InspectionOutcome.RectificationOrdered,
            "未按时足额支付加班工资");
        instance = new OrchestrationMetadata(MilestoneTaskNames.Orchestrator, "existing")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            DataConverter = JsonDataConverter.Default,
            SerializedInput = JsonDataConverter.Default.Serialize(new MilestoneRequest(
                GuangdongMilestones.SetId, 1, GuangdongMilestones.ResultPublication, Luohu,
                new MilestoneDates(new DateOnly(2026, 12, 10), []), 7, MilestoneClock.RealTime, $"{DrawId}-{Drawn}")),
        };
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Shenzhen}:manager"), Body());

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(200, context.Response.StatusCode);
        var answer = TriggerRequests.ReadJson(context);
        Assert.Equal("unchanged", answer.GetProperty("change").GetString());
        Assert.False(answer.GetProperty("publication").GetProperty("started").GetBoolean());
        Assert.Equal("2026-12-10", answer.GetProperty("publication").GetProperty("dueDate").GetString());
        Assert.Empty(upserted);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task Enter_NoPrincipal_Returns401()
    {
        var context = TriggerRequests.Create(null, Body());

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Empty(upserted);
    }

    [Fact]
    public async Task Enter_OtherCounty_Returns403()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Futian}:manager"), Body());

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Empty(upserted);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task Enter_TargetNotDrawn_Returns404()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body(creditCode: NotDrawn));

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("Target not drawn", TriggerRequests.ReadJson(context).GetProperty("title").GetString());
        Assert.Empty(upserted);
    }

    [Fact]
    public async Task Enter_UnknownDraw_Returns404()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body());

        await function.EnterAsync(context.Request, "draw-unknown", client.Object);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Empty(upserted);
    }

    [Theory]
    [InlineData("outcome", "Closed", "2026-11-10")]
    [InlineData("inspectedOn", "2026-10-31", "2026-10-31")]
    [InlineData("inspectedOn", "2026-11-17", "2026-11-17")]
    [InlineData("inspectedOn", "10/11/2026", "10/11/2026")]
    public async Task Enter_InvalidField_Returns400NamingIt(string field, string value, string inspectedOn)
    {
        var outcome = field == "outcome" ? value : "RectificationOrdered";
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body(outcome: outcome, inspectedOn: inspectedOn));

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        var problem = TriggerRequests.ReadJson(context);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(value, problem.GetProperty("value").GetString());
        Assert.Empty(upserted);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task Enter_ViolationWithoutFindings_Returns400()
    {
        var context = TriggerRequests.Create(TriggerRequests.Principal($"office:{Luohu}:clerk"), Body(findings: " "));

        await function.EnterAsync(context.Request, DrawId, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("findings", TriggerRequests.ReadJson(context).GetProperty("field").GetString());
    }

    private static OfficeDrawRecord Record() => new()
    {
        Algorithm = OfficeDrawRecord.CurrentAlgorithm,
        DrawId = DrawId,
        PlanId = "monthly",
        PlanName = "月度抽查",
        Slot = new DateTimeOffset(2026, 11, 1, 1, 0, 0, TimeSpan.Zero),
        DrawnOn = new DateOnly(2026, 11, 1),
        Deadline = new DateOnly(2026, 11, 30),
        OfficeCode = Luohu,
        OfficeName = "罗湖区",
        ItemCodes = ["LS-02"],
        Targets = new TargetRule(Count: 1),
        OfficersPerTarget = 2,
        MaxTargetsPerOfficer = 1,
        Entropy = new EntropyRecord(["1"], "1/", null, null, false),
        Pool = new PoolRecord("pools/p.txt", "0", 2, "pools/r.txt", "0", 0),
        Roster = new FileRecord("rosters/r.json", "0"),
        Exclusions = [],
        Selected = [new DrawnTarget(1, "all", 1, 1, Drawn, [new TeamMember("GD-1", true, 1), new TeamMember("GD-2", false, 2)])],
    };

    private static string Code(string body) => body + CreditCode.ComputeCheckCharacter(body);

    private static string Body(
        string? creditCode = null, string outcome = "RectificationOrdered", string inspectedOn = "2026-11-10",
        string findings = "未按时足额支付加班工资") =>
        JsonSerializer.Serialize(new
        {
            officeCode = Luohu,
            creditCode = creditCode ?? Drawn,
            inspectedOn,
            outcome,
            findings,
        });
}
