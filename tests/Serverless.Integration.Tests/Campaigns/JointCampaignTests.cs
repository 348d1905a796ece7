using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Publication;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Campaigns;

/// <summary>Joint cross-department campaigns over HTTP on the self-host, on a real Azurite and the real durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class JointCampaignTests(AzuriteFixture azurite)
{
    private static readonly string Deadline = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(30)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task JointCampaign_TwoDepartments_DrawRecordAndVerify()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampJoint");
        var departments = harness.Runtime.Services.GetRequiredService<IDepartmentStore>();
        await departments.UpsertAsync(Department("samr", "市场监督管理部门", 4));
        await departments.UpsertAsync(Department("tax", "税务部门", 3));
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);

        var response = await harness.PostAsync("/api/campaigns", Body(), key, "joint-2027");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var campaignId = response.Headers.Location!.ToString().Split('/')[^1];
        var summary = (await harness.WaitAsync(campaignId)).ReadOutputAs<DrawSummary>()!;
        Assert.Equal(2, summary.OfficesDrawn);
        Assert.Equal(4, summary.Targets);
        Assert.Equal(4 * (2 + 2 + 1), summary.Assignments);

        var records = new List<OfficeDrawRecord>();
        foreach (var office in new[] { DrawTestData.Luohu, DrawTestData.Futian })
        {
            var bytes = await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(campaignId, office));
            Assert.NotNull(bytes);
            records.Add(RecordJson.Deserialize<OfficeDrawRecord>(bytes));
        }

        foreach (var record in records)
        {
            var joint = record.Joint;
            Assert.NotNull(joint);
            Assert.Equal(Shared.Campaigns.Department.LeadCode, joint.LeadDepartment);
            Assert.Equal(["samr", "tax"], joint.Departments.Select(d => d.Code));
            var samr = joint.Departments[0];
            var tax = joint.Departments[1];
            Assert.Equal([.. record.Entropy.Sources, "samr"], samr.Sources);
            Assert.Equal(record.Selected.Select(t => t.CreditCode), samr.Teams.Select(t => t.CreditCode));
            Assert.All(samr.Teams, t => Assert.Equal(2, t.Members.Count));
            Assert.All(tax.Teams, t => Assert.Single(t.Members));
            Assert.All(samr.Teams.SelectMany(t => t.Members), m => Assert.StartsWith($"SAMR-{record.OfficeCode}-", m.OfficerId, StringComparison.Ordinal));
            Assert.All(tax.Teams.SelectMany(t => t.Members), m => Assert.StartsWith($"TAX-{record.OfficeCode}-", m.OfficerId, StringComparison.Ordinal));
            Assert.All(record.Selected, t => Assert.True(t.Team[0].IsLeader));
            Assert.DoesNotContain(joint.Departments.SelectMany(d => d.Teams).SelectMany(t => t.Members), m => m.IsLeader);
        }

        // Each member of a joint team is assigned the target and notified once, whichever roster holds them.
        var target = records[0].Selected[0];
        var rows = await harness.Runtime.Storage.Assignments.ListByEmployerAsync(target.CreditCode);
        var team = rows.Single(r => r.IsLeader).TeamOfficerIds;
        Assert.Equal(5, team.Count);
        Assert.Equal(team.Order(StringComparer.Ordinal), rows.Select(r => r.OfficerId).Order(StringComparer.Ordinal));
        var notified = records
            .SelectMany(r => r.Selected.SelectMany(t => t.Team.Select(m => m.OfficerId))
                .Concat(r.Joint!.Departments.SelectMany(d => d.Teams).SelectMany(t => t.Members).Select(m => m.OfficerId)))
            .Distinct()
            .Count();
        Assert.Equal(notified, summary.NoticesSent);
        Assert.Equal(notified, harness.Smtp.Messages.Count);
        Assert.Contains(harness.Smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address.EndsWith("@samr.example", StringComparison.Ordinal)));

        var verified = await harness.Verifier.VerifyDrawAsync(campaignId);
        Assert.Equal(2, verified.Count);
        Assert.All(verified, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));

        // Each campaign record joins its office's publication chain, and the public list names the campaign.
        var chains = harness.Runtime.Services.GetRequiredService<PublicationChain>();
        foreach (var record in records)
        {
            var chain = await chains.CheckAsync(record.OfficeCode);
            Assert.True(chain.Holds);
            Assert.Equal(1, chain.Entries);
            Assert.Equal(DrawPaths.OfficeRecord(campaignId, record.OfficeCode), Assert.Single(chain.Links).RecordPath);
        }

        var listing = await harness.Http.GetStringAsync(new Uri("/api/public/draws", UriKind.Relative));
        Assert.Contains("2027年劳动用工与市场主体联合检查", listing, StringComparison.Ordinal);

        // The public page lists every member of the joint team with the participating department's name.
        var page = await harness.Http.GetStringAsync(new Uri($"/public/draws/{campaignId}/{records[0].OfficeCode}", UriKind.Relative));
        Assert.Contains("（市场监督管理部门）", page, StringComparison.Ordinal);
        Assert.Contains("（税务部门）", page, StringComparison.Ordinal);
        Assert.Contains($"tax-{records[0].OfficeCode}-", page, StringComparison.Ordinal);
        Assert.DoesNotContain(".example", page, StringComparison.Ordinal);

        // A market regulator with a conflict is replaced from the same department's roster, continuing its sequence.
        var samrMember = records[0].Joint!.Departments[0].Teams[0].Members[1];
        var recusal = await harness.PostAsync($"/api/draws/{campaignId}/recusals", new
        {
            officeCode = records[0].OfficeCode,
            creditCode = target.CreditCode,
            officerId = samrMember.OfficerId,
            kind = "conflict",
            reason = "曾在该单位任职",
            approvedBy = "市场监管所所长",
        }, key);

        Assert.Equal(HttpStatusCode.Created, recusal.StatusCode);
        var answer = await CampaignHarness.JsonAsync(recusal);
        Assert.Equal("samr", answer.GetProperty("departmentCode").GetString());
        Assert.Equal(2, answer.GetProperty("index").GetInt32());
        var replacement = answer.GetProperty("replacementOfficerId").GetString()!;
        Assert.StartsWith($"SAMR-{records[0].OfficeCode}-", replacement, StringComparison.Ordinal);
        Assert.DoesNotContain(records[0].Joint!.Departments[0].Teams[0].Members, m => m.OfficerId == replacement);
        Assert.Equal(target.Team[0].OfficerId, answer.GetProperty("leaderOfficerId").GetString());
        var newTeam = answer.GetProperty("team").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(5, newTeam.Count);
        Assert.Contains(replacement, newTeam);
        Assert.DoesNotContain(samrMember.OfficerId, newTeam);
        Assert.Equal(notified + 2, harness.Smtp.Messages.Count);
        var rowsAfter = await harness.Runtime.Storage.Assignments.ListByEmployerAsync(target.CreditCode);
        Assert.Equal(newTeam.Order(StringComparer.Ordinal), rowsAfter.Select(r => r.OfficerId).Order(StringComparer.Ordinal));
        var afterRecusal = await harness.Verifier.VerifyDrawAsync(campaignId);
        Assert.All(afterRecusal, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));
        var pageAfter = await harness.Http.GetStringAsync(new Uri($"/public/draws/{campaignId}/{records[0].OfficeCode}", UriKind.Relative));
        Assert.Contains($"samr-{records[0].OfficeCode}-{replacement[^1]}", pageAfter, StringComparison.Ordinal);

        // A record whose tax officer was swapped no longer reproduces, and the problem names the department.
        var original = records[0];
        var taxPart = original.Joint!.Departments[1];
        var swapped = taxPart.Teams[0] with { Members = [taxPart.Teams[0].Members[0] with { OfficerId = $"TAX-{original.OfficeCode}-9999" }] };
        var edited = original with
        {
            Joint = original.Joint with
            {
                Departments = [original.Joint.Departments[0], taxPart with { Teams = [swapped, .. taxPart.Teams.Skip(1)] }],
            },
        };
        var mismatch = await harness.Verifier.VerifyAsync(DrawPaths.OfficeRecord(campaignId, original.OfficeCode), edited);
        Assert.False(mismatch.Matches);
        var problem = Assert.Single(mismatch.Problems);
        Assert.Contains($"department tax, target {swapped.CreditCode}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JointCampaign_DepartmentShortOfficers_Returns422()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampJointShort");
        var departments = harness.Runtime.Services.GetRequiredService<IDepartmentStore>();
        await departments.UpsertAsync(Department("samr", "市场监督管理部门", 1));
        await departments.UpsertAsync(Department("tax", "税务部门", 3));
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);

        var response = await harness.PostAsync("/api/campaigns", Body(), key, "joint-short");
        var unknown = await harness.PostAsync("/api/campaigns", Body("ema"), key, "joint-unknown");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await CampaignHarness.JsonAsync(response)).GetProperty("detail").GetString();
        Assert.Contains("Department samr has 1 eligible officers for office 440303", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("joint.departments[1].code", (await CampaignHarness.JsonAsync(unknown)).GetProperty("field").GetString());
        Assert.Null(await harness.Runtime.Services.GetRequiredService<ICampaignStore>()
            .GetAsync(Http.Campaigns.CampaignRequestParser.CampaignId(DrawTestData.Shenzhen, "joint-short")));
    }

    [Fact]
    public async Task DepartmentStore_Upsert_ReplacesRoster()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampDeptStore");
        var departments = harness.Runtime.Services.GetRequiredService<IDepartmentStore>();
        await departments.UpsertAsync(Department("samr", "市场监督管理部门", 3));

        await departments.UpsertAsync(Department("samr", "市场监督管理局", 1));
        var stored = await departments.GetAsync("samr");

        Assert.NotNull(stored);
        Assert.Equal("市场监督管理局", stored.Name);
        Assert.Equal(2, stored.Officers.Count);
        Assert.Null(await departments.GetAsync("tax"));
        var invalid = await Assert.ThrowsAsync<ValidationException>(
            () => departments.UpsertAsync(new Department("Tax", "税务", [])));
        Assert.Equal("department.code", invalid.Field);
    }

    [Fact]
    public async Task DepartmentsCommand_Load_StoresRosterOrRejects()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampDeptCmd");
        var folder = Directory.CreateTempSubdirectory("departments-");
        var good = Path.Combine(folder.FullName, "ema.json");
        var bad = Path.Combine(folder.FullName, "bad.json");
        await File.WriteAllBytesAsync(good, RecordJson.Serialize(Department("ema", "应急管理部门", 2)).ToArray());
        await File.WriteAllBytesAsync(bad, RecordJson.Serialize(Department("EMA", "应急管理部门", 2)).ToArray());

        var (exitCode, output) = await Public.HostCommand.RunAsync(harness.Settings, "departments", "load", "--file", good);
        var (badExitCode, badOutput) = await Public.HostCommand.RunAsync(harness.Settings, "departments", "load", "--file", bad);
        folder.Delete(recursive: true);

        Assert.Equal(0, exitCode);
        Assert.Contains("Department ema (应急管理部门) stored with 4 officers.", output, StringComparison.Ordinal);
        var stored = await harness.Runtime.Services.GetRequiredService<IDepartmentStore>().GetAsync("ema");
        Assert.NotNull(stored);
        Assert.Equal(4, stored.Officers.Count);
        Assert.Equal(2, badExitCode);
        Assert.Contains("department.code 'EMA'", badOutput, StringComparison.Ordinal);
    }

    /// <summary>A joint request over Shenzhen: the lead's teams of 2, two market regulators and one tax officer.</summary>
    private static object Body(string taxCode = "tax") => new
    {
        name = "2027年劳动用工与市场主体联合检查",
        legalBasis = "《劳动保障监察条例》",
        itemCodes = new[] { "LS-02" },
        scope = new[] { DrawTestData.Shenzhen },
        targets = new { count = 2, filter = new { industries = new[] { "C" }, minHeadcount = 30 } },
        officersPerTarget = 2,
        entropySources = new[] { "2027013", "03 07 12 18 25 31 09" },
        deadline = Deadline,
        joint = new
        {
            departments = new object[]
            {
                new { code = "samr", officersPerTarget = 2 },
                new { code = taxCode, officersPerTarget = 1 },
            },
        },
    };

    /// <summary>A department with <paramref name="perOffice"/> officers in each of Luohu and Futian.</summary>
    private static Department Department(string code, string name, int perOffice)
    {
        var officers = new List<Officer>();
        foreach (var office in new[] { DrawTestData.Luohu, DrawTestData.Futian })
        {
            for (var i = 1; i <= perOffice; i++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{code.ToUpperInvariant()}-{office}-{i:0000}");
                officers.Add(new Officer(
                    id, office, $"{name}{i}号", $"{code}-{office}-{i}", new DateOnly(2030, 12, 31), OfficerStatus.Active, [],
                    $"{id.ToLowerInvariant()}@{code}.example", []));
            }
        }

        return new Department(code, name, officers);
    }
}
