using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Http.Campaigns;
using Serverless.Http.Access;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;

namespace Serverless.Integration.Tests.Campaigns;

/// <summary>Campaigns over HTTP on the self-host, on a real Azurite and the real durable engine.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CampaignHttpTests(AzuriteFixture azurite)
{
    private static readonly string Deadline = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddDays(30)
        .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Campaign_CityKeyOverHttp_DrawsAndVerifies()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampE2E");
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);

        var response = await harness.PostAsync(
            "/api/campaigns", CampaignHarness.Campaign([DrawTestData.Shenzhen], Deadline), key, "wages-2027");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        var campaignId = location.Split('/')[^1];
        Assert.StartsWith("/api/campaigns/campaign-", location, StringComparison.Ordinal);
        var instance = await harness.WaitAsync(campaignId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);

        var status = await CampaignHarness.JsonAsync(await harness.GetAsync(location, key));
        Assert.Equal("Completed", status.GetProperty("status").GetString());
        var summary = status.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("officesDrawn").GetInt32());
        Assert.Equal(4, summary.GetProperty("targets").GetInt32());
        Assert.Equal(8, summary.GetProperty("assignments").GetInt32());
        Assert.Equal(2, status.GetProperty("records").GetArrayLength());

        var records = new List<OfficeDrawRecord>();
        foreach (var office in new[] { DrawTestData.Luohu, DrawTestData.Futian })
        {
            var bytes = await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(campaignId, office));
            Assert.NotNull(bytes);
            records.Add(RecordJson.Deserialize<OfficeDrawRecord>(bytes));
        }

        Assert.All(records, r => Assert.Equal(10, r.Campaign!.FilteredOut));
        Assert.All(records, r => Assert.Equal(50, r.Pool.Size));
        Assert.All(records, r => Assert.Equal(DrawTestData.Shenzhen, r.Campaign!.OwnerOfficeCode));
        var officers = records.SelectMany(r => r.Selected).SelectMany(t => t.Team).Select(m => m.OfficerId).Distinct().Count();
        Assert.Equal(officers, summary.GetProperty("noticesSent").GetInt32());
        Assert.Equal(officers, harness.Smtp.Messages.Count);

        var verified = await harness.Verifier.VerifyDrawAsync(campaignId);
        Assert.Equal(2, verified.Count);
        Assert.All(verified, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));

        // A recusal of a team leader: the replacement continues the team's RFC 3797 sequence at index 2.
        var record = records[0];
        var target = record.Selected[0];
        var leader = target.Team.Single(m => m.IsLeader).OfficerId;
        var recusal = await harness.PostAsync($"/api/draws/{campaignId}/recusals", new
        {
            officeCode = record.OfficeCode,
            creditCode = target.CreditCode,
            officerId = leader,
            kind = "conflict",
            reason = "与该单位负责人系近亲属",
            approvedBy = "科长",
        }, key);

        Assert.Equal(HttpStatusCode.Created, recusal.StatusCode);
        var answer = await CampaignHarness.JsonAsync(recusal);
        var replacement = answer.GetProperty("replacementOfficerId").GetString();
        Assert.Equal(1, answer.GetProperty("number").GetInt32());
        Assert.Equal(2, answer.GetProperty("index").GetInt32());
        Assert.DoesNotContain(target.Team, m => m.OfficerId == replacement);
        Assert.Equal(target.Team.Single(m => !m.IsLeader).OfficerId, answer.GetProperty("leaderOfficerId").GetString());
        Assert.Equal(2, answer.GetProperty("noticesSent").GetInt32());
        Assert.Equal(officers + 2, harness.Smtp.Messages.Count);

        var stored = await harness.Runtime.Storage.Records.ReadAsync(RecusalPaths.Recusal(campaignId, 1));
        Assert.NotNull(stored);
        Assert.Equal(replacement, RecordJson.Deserialize<RecusalRecord>(stored).ReplacementOfficerId);

        var afterRecusal = await harness.Verifier.VerifyDrawAsync(campaignId);
        Assert.Equal(2, afterRecusal.Count);
        Assert.All(afterRecusal, v => Assert.True(v.Matches, string.Join("; ", v.Problems)));

        // The recused officer is no longer on the team, so a second recusal of that officer there is refused.
        var again = await harness.PostAsync($"/api/draws/{campaignId}/recusals", new
        {
            officeCode = record.OfficeCode,
            creditCode = target.CreditCode,
            officerId = leader,
            kind = "unavailable",
            reason = "病假",
            approvedBy = "科长",
        }, key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
    }

    [Fact]
    public async Task Campaign_ConcurrentPostsOneKey_MakeOneCampaign()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampDup");
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);
        var body = CampaignHarness.Campaign([DrawTestData.Shenzhen], Deadline);

        var responses = await Task.WhenAll(
            harness.PostAsync("/api/campaigns", body, key, "same-key"),
            harness.PostAsync("/api/campaigns", body, key, "same-key"));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(responses[0].Headers.Location, responses[1].Headers.Location);
        var answers = await Task.WhenAll(responses.Select(CampaignHarness.JsonAsync));
        Assert.Single(answers, a => a.GetProperty("started").GetBoolean());
        var campaignId = answers[0].GetProperty("campaignId").GetString()!;
        await harness.WaitAsync(campaignId);

        var repeat = await harness.PostAsync("/api/campaigns", body, key, "same-key");
        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.False((await CampaignHarness.JsonAsync(repeat)).GetProperty("started").GetBoolean());

        var summary = (await harness.WaitAsync(campaignId)).ReadOutputAs<DrawSummary>()!;
        Assert.Equal(summary.NoticesSent, harness.Smtp.Messages.Count);
        Assert.Equal(harness.Smtp.Messages.Count, harness.Smtp.Messages.Select(m => m.MessageId).Distinct().Count());

        var other = await harness.PostAsync(
            "/api/campaigns", CampaignHarness.Campaign([DrawTestData.Shenzhen], Deadline, count: 3), key, "same-key");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Campaign_Callers_GetStatusByReach()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampAuth");
        var luohu = await harness.KeyAsync(DrawTestData.Luohu);
        var shenzhen = await harness.KeyAsync(DrawTestData.Shenzhen);
        var clerk = await harness.KeyAsync(DrawTestData.Shenzhen, CallerRoles.Clerk);
        var counties = CampaignHarness.Campaign([DrawTestData.Luohu, DrawTestData.Futian], Deadline);

        var noKey = await harness.PostAsync("/api/campaigns", counties, null, "a");
        var wrongKey = await harness.PostAsync("/api/campaigns", counties, luohu[..13] + "x" + luohu[14..], "a");
        var countyOverOther = await harness.PostAsync(
            "/api/campaigns", CampaignHarness.Campaign([DrawTestData.Futian], Deadline), luohu, "b");
        var clerkKey = await harness.PostAsync("/api/campaigns", counties, clerk, "c");
        var cityOverCounties = await harness.PostAsync("/api/campaigns", counties, shenzhen, "d");

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, countyOverOther.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clerkKey.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, cityOverCounties.StatusCode);
        var problem = await CampaignHarness.JsonAsync(countyOverOther);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Contains(DrawTestData.Futian, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await harness.WaitAsync(cityOverCounties.Headers.Location!.ToString().Split('/')[^1]);
    }

    [Fact]
    public async Task Campaign_BadRequests_GetProblemDetails()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampBad");
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);
        var good = CampaignHarness.Campaign([DrawTestData.Shenzhen], Deadline);
        var past = CampaignHarness.Campaign([DrawTestData.Shenzhen], "2020-01-01");
        var tooMany = new
        {
            name = "专项",
            legalBasis = "《劳动保障监察条例》",
            itemCodes = new[] { "LS-02" },
            scope = new[] { DrawTestData.Shenzhen },
            targets = new { count = 1 },
            officersPerTarget = 7,
            entropySources = new[] { "2027013" },
            deadline = Deadline,
        };
        var noSize = new { name = "专项", legalBasis = "条例", itemCodes = new[] { "LS-02" }, scope = new[] { "440300" } };

        var missingKey = await harness.PostAsync("/api/campaigns", good, key);
        var missingField = await harness.PostAsync("/api/campaigns", noSize, key, "e");
        var pastDeadline = await harness.PostAsync("/api/campaigns", past, key, "f");
        var shortRoster = await harness.PostAsync("/api/campaigns", tooMany, key, "g");
        var unknown = await harness.GetAsync("/api/campaigns/campaign-000000000000000000000000", key);

        Assert.Equal(HttpStatusCode.BadRequest, missingKey.StatusCode);
        Assert.Equal("Idempotency-Key", (await CampaignHarness.JsonAsync(missingKey)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missingField.StatusCode);
        var invalid = await CampaignHarness.JsonAsync(missingField);
        Assert.Equal("officersPerTarget", invalid.GetProperty("field").GetString());
        Assert.True(invalid.GetProperty("errors").TryGetProperty("officersPerTarget", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pastDeadline.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shortRoster.StatusCode);
        Assert.Contains("fewer than the 7", (await CampaignHarness.JsonAsync(shortRoster))
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Campaign_FilterMatchingNoEmployer_Returns422()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampEmpty");
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);
        var body = new
        {
            name = "专项",
            legalBasis = "《劳动保障监察条例》",
            itemCodes = new[] { "LS-02" },
            scope = new[] { DrawTestData.Shenzhen },
            targets = new { ratio = 0.1, filter = new { industries = new[] { "Z" } } },
            officersPerTarget = 2,
            entropySources = new[] { "2027013" },
            deadline = Deadline,
        };

        var response = await harness.PostAsync("/api/campaigns", body, key, "empty-pool");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await CampaignHarness.JsonAsync(response);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("The pool is empty", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var campaignId = CampaignRequestParser.CampaignId(DrawTestData.Shenzhen, "empty-pool");
        Assert.Null(await harness.Runtime.Services.GetRequiredService<ICampaignStore>().GetAsync(campaignId));
        Assert.Null(await harness.Runtime.Client.GetInstanceAsync(campaignId));
    }

    [Fact]
    public async Task Recusal_NoOfficerLeft_Returns422AndKeepsTeam()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampRestaff");
        var key = await harness.KeyAsync(DrawTestData.Luohu);
        var response = await harness.PostAsync(
            "/api/campaigns", CampaignHarness.Campaign([DrawTestData.Luohu], Deadline, count: 1), key, "restaff");
        var campaignId = response.Headers.Location!.ToString().Split('/')[^1];
        var summary = (await harness.WaitAsync(campaignId)).ReadOutputAs<DrawSummary>()!;
        var bytes = await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(campaignId, DrawTestData.Luohu));
        var target = Assert.Single(RecordJson.Deserialize<OfficeDrawRecord>(bytes!).Selected);

        // Six officers: the team of two plus four unavailable replacements use every one of them.
        var team = target.Team.Select(m => m.OfficerId).ToList();
        for (var i = 0; i < 4; i++)
        {
            var recused = await harness.PostAsync(
                $"/api/draws/{campaignId}/recusals", Recusal(target.CreditCode, team[0], "unavailable"), key);
            Assert.Equal(HttpStatusCode.Created, recused.StatusCode);
            var answer = await CampaignHarness.JsonAsync(recused);
            Assert.Equal(i + 2, answer.GetProperty("index").GetInt32());
            team = [.. answer.GetProperty("team").EnumerateArray().Select(e => e.GetString()!)];
            Assert.Equal(2, team.Count);
        }

        var refused = await harness.PostAsync(
            $"/api/draws/{campaignId}/recusals", Recusal(target.CreditCode, team[0], "conflict"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var detail = (await CampaignHarness.JsonAsync(refused)).GetProperty("detail").GetString();
        Assert.Contains($"Target {target.CreditCode} cannot be restaffed", detail, StringComparison.Ordinal);
        var stored = await harness.Runtime.Storage.Records.ListAsync(RecusalPaths.Prefix(campaignId));
        Assert.Equal(4, stored.Count);
        Assert.Equal(summary.NoticesSent + 4 * 2, harness.Smtp.Messages.Count);
        var rows = await harness.Runtime.Storage.Assignments.ListByEmployerAsync(target.CreditCode);
        Assert.Equal(team.Order(StringComparer.Ordinal), rows.Select(r => r.OfficerId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(team, r.TeamOfficerIds));
        var verified = Assert.Single(await harness.Verifier.VerifyDrawAsync(campaignId));
        Assert.True(verified.Matches, string.Join("; ", verified.Problems));
    }

    private static object Recusal(string creditCode, string officerId, string kind) => new
    {
        officeCode = DrawTestData.Luohu,
        creditCode,
        officerId,
        kind,
        reason = "因公外出",
        approvedBy = "大队长",
    };

    [Fact]
    public async Task Campaign_Cancel_RecordsReasonAndNotifiesNotifiedOfficers()
    {
        await using var harness = await CampaignHarness.StartAsync(azurite, "CampCancel");
        var key = await harness.KeyAsync(DrawTestData.Shenzhen);
        var response = await harness.PostAsync(
            "/api/campaigns", CampaignHarness.Campaign([DrawTestData.Shenzhen], Deadline), key, "to-cancel");
        var location = response.Headers.Location!.ToString();
        var campaignId = location.Split('/')[^1];
        var summary = (await harness.WaitAsync(campaignId)).ReadOutputAs<DrawSummary>()!;

        var cancel = await harness.PostAsync($"{location}/cancel", new { reason = "上级部署调整" }, key);
        var repeat = await harness.PostAsync($"{location}/cancel", new { reason = "另一个原因" }, key);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(summary.NoticesSent * 2, harness.Smtp.Messages.Count);
        Assert.Equal("上级部署调整", (await CampaignHarness.JsonAsync(repeat)).GetProperty("reason").GetString());
        var status = await CampaignHarness.JsonAsync(await harness.GetAsync(location, key));
        Assert.Equal("上级部署调整", status.GetProperty("cancellation").GetProperty("reason").GetString());
    }
}
