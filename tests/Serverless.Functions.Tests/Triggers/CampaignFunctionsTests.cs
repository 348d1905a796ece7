using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Serverless.Functions.Triggers;
using Serverless.Http.Access;
using Serverless.Http.Campaigns;
using Serverless.Http.Recusals;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows.Campaigns;
using Serverless.Workflows.Scheduling;

namespace Serverless.Functions.Tests.Triggers;

/// <summary>
/// Runs the campaign HTTP triggers over the real shared handlers and the real client principal resolver, with
/// mocked stores and durable client.
/// </summary>
public sealed class CampaignFunctionsTests
{
    private const string Province = "440000";
    private const string Shenzhen = "440300";
    private const string Luohu = "440303";
    private const string Futian = "440304";

    private static readonly DateTimeOffset Now = new(2027, 1, 10, 2, 0, 0, TimeSpan.Zero);
    private static readonly string[] ItemCodes = ["LS-02"];
    private static readonly string[] Sources = ["2027013"];

    private readonly Mock<IRegistryStore> registry = new();
    private readonly Mock<ICampaignStore> campaigns = new();
    private readonly Mock<IDepartmentStore> departments = new();
    private readonly Mock<DurableTaskClient> client = new("test") { CallBase = true };
    private readonly List<(string Name, string? InstanceId, object? Input)> starts = [];
    private readonly CampaignFunctions functions;

    public CampaignFunctionsTests()
    {
        Office[] offices =
        [
            new(Province, "广东省", OfficeTier.Province, null, "p@hrss.example", false),
            new(Shenzhen, "深圳市", OfficeTier.City, Province, "s@hrss.example", false),
            new(Luohu, "罗湖区", OfficeTier.County, Shenzhen, "l@hrss.example", true),
            new(Futian, "福田区", OfficeTier.County, Shenzhen, "f@hrss.example", true),
        ];
        registry.Setup(r => r.ListOfficesAsync(It.IsAny<CancellationToken>())).ReturnsAsync(offices);
        registry.Setup(r => r.ListItemsAsync(It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new InspectionItem("LS-02", "工资支付", "工资支付情况", "《保障农民工工资支付条例》", TargetType.Employer, false,
                "实地检查", 0.05m, "每年一次", OfficeTier.County, 1),
        ]);
        registry.Setup(r => r.ListEmployersAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string office, CancellationToken _) => Employers(office));
        registry.Setup(r => r.ListOfficersAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string office, CancellationToken _) => Officers(office));
        campaigns.Setup(c => c.TryAddAsync(It.IsAny<Campaign>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        campaigns
            .Setup(c => c.TryClaimStartAsync(
                It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);

        // GetInstanceAsync forwards to the abstract GetInstancesAsync, so CallBase plus this setup serves it.
        client
            .Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName name, object? input, StartOrchestrationOptions? options, CancellationToken _) =>
            {
                starts.Add((name.Name, options?.InstanceId, input));
                return options?.InstanceId ?? "";
            });

        var time = new ManualTimeProvider(Now);
        var records = new Mock<IRecordStore>();
        records
            .Setup(r => r.TryWriteOnceAsync(
                It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        var outbox = new Mock<IOutboxStore>();
        var access = new CallerAccess(new ClientPrincipalCallerResolver(), registry.Object);
        var scheduler = new DrawScheduler(
            registry.Object, records.Object, new SchedulerOptions(), NullLogger<DrawScheduler>.Instance);
        var starter = new CampaignStarter(
            campaigns.Object, new CampaignFeasibility(registry.Object, departments.Object, time), scheduler, time);
        var notices = new OutboxNotices(outbox.Object, Mock.Of<INoticeSender>(), NullLogger<OutboxNotices>.Instance);
        var canceller = new CampaignCanceller(
            campaigns.Object, registry.Object, records.Object, departments.Object, outbox.Object, notices, time,
            NullLogger<CampaignCanceller>.Instance);
        var recusals = new RecusalService(
            records.Object, registry.Object, Mock.Of<IAssignmentStore>(), campaigns.Object, departments.Object, notices, time,
            NullLogger<RecusalService>.Instance);
        functions = new CampaignFunctions(
            new CampaignHandlers(access, campaigns.Object, starter, canceller, time), new RecusalHandlers(access, recusals));
    }

    [Fact]
    public async Task StartCampaign_CityManagerOverCounties_Returns202()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), Body([Luohu, Futian]), "wages-2027");

        var result = await functions.StartAsync(context.Request, client.Object);

        Assert.IsType<EmptyResult>(result);
        Assert.Equal(202, context.Response.StatusCode);
        var start = Assert.Single(starts);
        Assert.Equal(CampaignTaskNames.CampaignOrchestrator, start.Name);
        Assert.Equal(CampaignRequestParser.CampaignId(Shenzhen, "wages-2027"), start.InstanceId);
        Assert.Equal($"/api/campaigns/{start.InstanceId}", context.Response.Headers.Location.ToString());
        var campaign = Assert.IsType<Campaign>(start.Input);
        Assert.Equal(Shenzhen, campaign.OwnerOfficeCode);
        Assert.Equal(Now, campaign.RequestedAt);
        Assert.Equal([Luohu, Futian], campaign.OfficeCodes);
        Assert.Equal(start.InstanceId, Answer(context).GetProperty("campaignId").GetString());
    }

    [Fact]
    public async Task StartCampaign_JointWithStoredDepartment_PassesItOn()
    {
        departments.Setup(d => d.GetAsync("samr", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Department("samr", "市场监督管理部门", [.. DepartmentOfficers(Luohu), .. DepartmentOfficers(Futian)]));
        var context = Request(Role($"office:{Shenzhen}:manager"), JointBody("samr", 1), "joint-1");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(202, context.Response.StatusCode);
        var campaign = Assert.IsType<Campaign>(Assert.Single(starts).Input);
        var joint = Assert.Single(campaign.JointDepartments!);
        Assert.Equal("samr", joint.Code);
        Assert.Equal(1, joint.OfficersPerTarget);
    }

    [Fact]
    public async Task StartCampaign_JointUnknownDepartment_Returns400()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), JointBody("tax", 1), "joint-2");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        var answer = Answer(context);
        Assert.Equal("joint.departments[0].code", answer.GetProperty("field").GetString());
        Assert.Equal("tax", answer.GetProperty("value").GetString());
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_JointDepartmentTooSmall_Returns422()
    {
        departments.Setup(d => d.GetAsync("samr", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Department("samr", "市场监督管理部门", DepartmentOfficers(Luohu)));
        var context = Request(Role($"office:{Shenzhen}:manager"), JointBody("samr", 1), "joint-3");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Contains($"Department samr has 0 eligible officers for office {Futian}",
            Answer(context).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(starts);
    }

    [Theory]
    [InlineData("hrss", 1, "joint.departments[0].code")]
    [InlineData("Tax!", 1, "joint.departments[0].code")]
    [InlineData("samr", 0, "joint.departments[0].officersPerTarget")]
    public async Task StartCampaign_InvalidJointDepartment_Returns400(string code, int officersPerTarget, string field)
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), JointBody(code, officersPerTarget), "joint-4");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal(field, Answer(context).GetProperty("field").GetString());
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_CountyOverOtherCounty_Returns403()
    {
        var context = Request(Role($"office:{Luohu}:manager"), Body([Futian]), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Contains(Futian, Answer(context).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_NoPrincipal_Returns401()
    {
        var context = Request(null, Body([Luohu]), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_ClerkRole_Returns403()
    {
        var context = Request(Role($"office:{Shenzhen}:clerk"), Body([Luohu]), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_OneOfficerPerTarget_Returns400()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), Body([Luohu], officersPerTarget: 1), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(400, context.Response.StatusCode);
        var problem = Answer(context);
        Assert.Equal("officersPerTarget", problem.GetProperty("field").GetString());
        Assert.Equal("1", problem.GetProperty("value").GetString());
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_PastDeadline_Returns422()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), Body([Luohu], deadline: "2027-01-09"), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Contains("2027-01-09", Answer(context).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task StartCampaign_TeamLargerThanRoster_Returns422()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), Body([Luohu], officersPerTarget: 4), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Contains("3 eligible officers", Answer(context).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartCampaign_ReusedKey_Returns422()
    {
        var campaignId = CampaignRequestParser.CampaignId(Shenzhen, "k");
        var stored = new StoredCampaign(Stored(campaignId), "another-request", null);
        campaigns.Setup(c => c.GetAsync(campaignId, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        var context = Request(Role($"office:{Shenzhen}:manager"), Body([Luohu]), "k");

        await functions.StartAsync(context.Request, client.Object);

        Assert.Equal(422, context.Response.StatusCode);
        Assert.Empty(starts);
    }

    [Fact]
    public async Task GetCampaign_UnknownId_Returns404()
    {
        var context = Request(Role($"office:{Shenzhen}:manager"), "", null);

        await functions.GetAsync(context.Request, "campaign-unknown", client.Object);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("Campaign not found", Answer(context).GetProperty("title").GetString());
    }

    [Fact]
    public async Task GetCampaign_AcceptedNotStarted_ReportsAccepted()
    {
        var campaignId = CampaignRequestParser.CampaignId(Shenzhen, "k");
        campaigns.Setup(c => c.GetAsync(campaignId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredCampaign(Stored(campaignId), "hash", null));
        var context = Request(Role($"office:{Shenzhen}:manager"), "", null);

        await functions.GetAsync(context.Request, campaignId, client.Object);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(CampaignStatusQuery.Accepted, Answer(context).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RecordRecusal_NoPrincipal_Returns401()
    {
        var context = Request(null, "{}", null);

        await functions.RecordRecusalAsync(context.Request, "campaign-x");

        Assert.Equal(401, context.Response.StatusCode);
    }

    [Fact]
    public async Task RecordRecusal_UnknownKind_Returns400()
    {
        var body = """{"officeCode":"440303","creditCode":"X","officerId":"A","kind":"bored","reason":"r","approvedBy":"a"}""";
        var context = Request(Role($"office:{Shenzhen}:manager"), body, null);

        await functions.RecordRecusalAsync(context.Request, "campaign-x");

        Assert.Equal(400, context.Response.StatusCode);
        Assert.Equal("kind", Answer(context).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("office:440300:manager", "440300", "manager")]
    [InlineData("office:440303:clerk", "440303", "clerk")]
    public void ClientPrincipal_OfficeRole_GivesCaller(string role, string office, string expectedRole)
    {
        var caller = ClientPrincipalCallerResolver.Parse(Role(role)!);

        Assert.NotNull(caller);
        Assert.Equal(office, caller.OfficeCode);
        Assert.Equal(expectedRole, caller.Role);
        Assert.Equal("principal:user-1", caller.PrincipalId);
    }

    [Theory]
    [InlineData("office:4403:manager")]
    [InlineData("office:440300:owner")]
    [InlineData("admin")]
    public void ClientPrincipal_OtherRole_GivesNull(string role)
    {
        Assert.Null(ClientPrincipalCallerResolver.Parse(Role(role)!));
    }

    [Fact]
    public void ClientPrincipal_NotBase64_GivesNull()
    {
        Assert.Null(ClientPrincipalCallerResolver.Parse("not base64!"));
    }

    private static DefaultHttpContext Request(string? principal, string body, string? idempotencyKey)
    {
        var context = TriggerRequests.Create(principal, body);
        if (idempotencyKey is not null)
        {
            context.Request.Headers[CampaignHandlers.IdempotencyHeader] = idempotencyKey;
        }

        return context;
    }

    private static JsonElement Answer(HttpContext context) => TriggerRequests.ReadJson(context);

    private static string? Role(string role) => TriggerRequests.Principal(role);

    private static string Body(IReadOnlyList<string> scope, int officersPerTarget = 2, string deadline = "2027-02-28") =>
        JsonSerializer.Serialize(new
        {
            name = "根治欠薪专项执法",
            legalBasis = "《保障农民工工资支付条例》",
            itemCodes = ItemCodes,
            scope,
            targets = new { count = 1 },
            officersPerTarget,
            entropySources = Sources,
            deadline,
        });

    private static string JointBody(string code, int officersPerTarget) =>
        JsonSerializer.Serialize(new
        {
            name = "劳动用工与市场主体联合检查",
            legalBasis = "《劳动保障监察条例》",
            itemCodes = ItemCodes,
            scope = new[] { Luohu, Futian },
            targets = new { count = 1 },
            officersPerTarget = 2,
            entropySources = Sources,
            deadline = "2027-02-28",
            joint = new { departments = new[] { new { code, officersPerTarget } } },
        });

    private static List<Officer> DepartmentOfficers(string office) =>
        [.. Enumerable.Range(1, 2).Select(i => new Officer(
            string.Create(CultureInfo.InvariantCulture, $"SAMR-{office}-{i:0000}"), office, $"市监{i}", "市监证",
            new DateOnly(2030, 1, 1), OfficerStatus.Active, [], "m@samr.example", []))];

    private static Campaign Stored(string campaignId) => new(
        campaignId, "根治欠薪专项执法", "条例", Shenzhen, "principal:user-1", Now, ["LS-02"], [Luohu], new TargetRule(0m, 1),
        null, 2, false, ["2027013"], new DateOnly(2027, 2, 28));

    private static List<Employer> Employers(string office) =>
        [.. Enumerable.Range(0, 4).Select(i =>
        {
            var body = string.Create(CultureInfo.InvariantCulture, $"91{office}{i:000000000}");
            return new Employer(body + CreditCode.ComputeCheckCharacter(body), $"单位{i}", office, "路", "C", 50,
                TargetType.Employer, EmployerSource.GridCollection, [], null, EmployerStatus.Active);
        })];

    private static List<Officer> Officers(string office) =>
        [.. Enumerable.Range(1, 3).Select(i => new Officer(
            string.Create(CultureInfo.InvariantCulture, $"GD-{office}-{i:0000}"), office, $"官{i}", "证", new DateOnly(2030, 1, 1),
            OfficerStatus.Active, ["LS-02"], "o@officers.example", []))];
}
