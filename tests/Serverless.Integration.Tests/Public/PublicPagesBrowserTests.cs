using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Serverless.Host.Local;
using Serverless.Integration.Tests.Draws;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Registry;
using Xunit.Abstractions;

namespace Serverless.Integration.Tests.Public;

/// <summary>
/// The public pages in headless Chromium against the self-host on Azurite, after a committed scheduled draw.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublicPagesBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string PlanId = "public";

    // 09:00 China Standard Time on 2027-02-01; the commitment is made the day before.
    private static readonly DateTimeOffset Slot = new(2027, 2, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PublicPages_AfterDraw_RenderChineseWithoutContactData()
    {
        var (harness, baseUri, data) = await StartAndDrawAsync("PubPages");
        await using var _ = harness;
        var drawId = DrawPaths.DrawId(PlanId, Slot);
        using var browser = HeadlessChromium.Start();

        var draws = browser.Open(new Uri(baseUri, "/public/draws"));
        Assert.Contains("双随机抽查结果公示", draws, StringComparison.Ordinal);
        Assert.Contains(drawId, draws, StringComparison.Ordinal);
        Assert.Equal("zh-CN", browser.Driver.FindElement(By.TagName("html")).GetDomAttribute("lang"));
        Assert.Empty(browser.Driver.FindElements(By.TagName("script")));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("th[scope=col]")));
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("meta[name=viewport]")));
        AssertNoContactData(browser, data);

        var draw = browser.Open(new Uri(baseUri, $"/public/draws/{drawId}"));
        Assert.Contains("罗湖区", draw, StringComparison.Ordinal);
        Assert.Contains("各单位抽取情况", draw, StringComparison.Ordinal);
        AssertNoContactData(browser, data);

        var record = RecordJson.Deserialize<OfficeDrawRecord>(
            (await harness.Runtime.Storage.Records.ReadAsync(DrawPaths.OfficeRecord(drawId, DrawTestData.Luohu)))!);
        var inspected = record.Selected[0].CreditCode;
        await harness.Runtime.Services.GetRequiredService<TableInspectionResultStore>().UpsertAsync(
        [
            new InspectionResult(
                drawId, DrawTestData.Luohu, inspected, "测试单位", new DateOnly(2027, 2, 20),
                InspectionOutcome.RectificationOrdered, "未按时足额支付加班工资"),
        ]);

        var office = browser.Open(new Uri(baseUri, $"/public/draws/{drawId}/{DrawTestData.Luohu}"));
        Assert.Contains("抽中对象与检查组", office, StringComparison.Ordinal);
        Assert.Contains("尚未录入", office, StringComparison.Ordinal);
        var inspectedRow = browser.Driver.FindElement(By.XPath($"//tr[td[normalize-space()='{inspected}']]")).Text;
        Assert.Contains("发现问题，已责令整改（2027-02-20）：未按时足额支付加班工资", inspectedRow, StringComparison.Ordinal);
        Assert.DoesNotContain("尚未录入", inspectedRow, StringComparison.Ordinal);
        Assert.Contains("测试官", office, StringComparison.Ordinal);
        Assert.Contains("粤执法440303", office, StringComparison.Ordinal);
        Assert.Contains($"测试{DrawTestData.Luohu}第", office, StringComparison.Ordinal);
        Assert.Contains("如何复现本次抽取", office, StringComparison.Ordinal);
        Assert.Contains("sortition --candidates 440303.txt --entropy entropy.txt --count 3", office, StringComparison.Ordinal);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("th[scope=row]")));
        AssertNoContactData(browser, data);
        var screenshot = browser.SaveScreenshot("office-draw");
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 0);

        var poolLink = browser.Driver.FindElement(By.CssSelector("a[href$='/440303.txt']")).GetDomAttribute("href")
            ?? throw new InvalidOperationException("The pool link has no href.");
        using var http = new HttpClient { BaseAddress = baseUri };
        var pool = await http.GetStringAsync(new Uri(poolLink, UriKind.Relative));
        Assert.Equal(60, pool.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        // Shenzhen adds an item of its own, and the province publishes version 2 of LS-02.
        var ls02 = data.Items.Single(i => i.Code == "LS-02");
        await harness.Runtime.Storage.Registry.UpsertItemsAsync(
        [
            ls02 with { Version = 2, Content = "用人单位按时足额支付工资、执行最低工资标准和工资专用账户情况", Ratio = 0.1m },
            new InspectionItem(
                "SZ-01", "工资支付", "建设工程项目落实农民工实名制管理情况", "《深圳市员工工资支付条例》", TargetType.Employer, true,
                "实地检查", 0.2m, "每半年一次", OfficeTier.County, 1, DrawTestData.Shenzhen),
        ]);
        var items = browser.Open(new Uri(baseUri, $"/public/items?office={DrawTestData.Luohu}"));
        Assert.Contains("随机抽查事项清单（罗湖区）", items, StringComparison.Ordinal);
        Assert.Contains("《保障农民工工资支付条例》", items, StringComparison.Ordinal);
        Assert.Contains("版本记录", items, StringComparison.Ordinal);
        var addition = browser.Driver.FindElement(By.XPath("//tr[th[normalize-space()='SZ-01']]")).Text;
        Assert.Contains("深圳市增补", addition, StringComparison.Ordinal);
        Assert.Contains("《深圳市员工工资支付条例》", addition, StringComparison.Ordinal);
        Assert.Contains("20%", addition, StringComparison.Ordinal);
        Assert.Contains("每半年一次", addition, StringComparison.Ordinal);
        var history = browser.Driver.FindElements(By.XPath("//table[caption[normalize-space()='各事项的历次版本']]//tr[th[normalize-space()='LS-02']]"));
        Assert.Equal(2, history.Count);
        Assert.Contains(ls02.Content, history[0].Text, StringComparison.Ordinal);
        Assert.Contains("工资专用账户", history[1].Text, StringComparison.Ordinal);
        var dongguan = browser.Open(new Uri(baseUri, $"/public/items?office={DrawTestData.Dongguan}"));
        Assert.DoesNotContain("SZ-01", dongguan, StringComparison.Ordinal);
        Assert.Contains("工资专用账户", dongguan, StringComparison.Ordinal);

        var commitments = browser.Open(new Uri(baseUri, "/public/commitments"));
        var commitment = await harness.Runtime.Storage.Commitments.GetAsync(PlanId, Slot);
        Assert.NotNull(commitment);
        Assert.Contains(commitment.SeedSha256, commitments, StringComparison.Ordinal);
        Assert.Contains(commitment.PoolSha256ByOffice[DrawTestData.Futian], commitments, StringComparison.Ordinal);

        var verify = browser.Open(new Uri(baseUri, $"/public/verify/{drawId}"));
        Assert.Contains("核验结果：一致", verify, StringComparison.Ordinal);

        var chain = browser.Open(new Uri(baseUri, $"/public/chain/{DrawTestData.Luohu}"));
        Assert.Contains("链完整：1 节全部核对一致", chain, StringComparison.Ordinal);
        output.WriteLine($"screenshot: {browser.SaveScreenshot("chain")}");
    }

    [Fact]
    public async Task PublicJson_OfficeDraw_HasNamesAndNoContactFields()
    {
        var (harness, baseUri, data) = await StartAndDrawAsync("PubJson");
        await using var _ = harness;
        var drawId = DrawPaths.DrawId(PlanId, Slot);
        using var http = new HttpClient { BaseAddress = baseUri };

        using var response = await http.GetAsync(new Uri($"/api/public/draws/{drawId}/{DrawTestData.Luohu}", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var targets = json.RootElement.GetProperty("targets");
        Assert.Equal(3, targets.GetArrayLength());
        var leader = targets[0].GetProperty("team")[0];
        Assert.StartsWith("测试官", leader.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("粤执法440303", leader.GetProperty("certificateNumber").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("email", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(data.Officers, officer => text.Contains(officer.Email, StringComparison.Ordinal));
        using var html = await http.GetAsync(new Uri($"/public/draws/{drawId}?format=json", UriKind.Relative));
        Assert.Equal("application/json", html.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PublicPages_EditedRecord_ShowBreakAndMismatch()
    {
        var (harness, baseUri, _) = await StartAndDrawAsync("PubEdit");
        await using var _ = harness;
        var drawId = DrawPaths.DrawId(PlanId, Slot);
        var path = DrawPaths.OfficeRecord(drawId, DrawTestData.Luohu);
        var stored = await harness.Runtime.Storage.Records.ReadAsync(path);
        Assert.NotNull(stored);
        var record = RecordJson.Deserialize<OfficeDrawRecord>(stored);
        var swapped = record.Selected[0] with { CreditCode = DrawTestData.CreditCodeFor(DrawTestData.Luohu, 59) };
        var edited = record with { Selected = [swapped, .. record.Selected.Skip(1)] };
        await harness.Runtime.Storage.RecordsContainer.GetBlobClient(path)
            .UploadAsync(RecordJson.Serialize(edited), overwrite: true);
        using var browser = HeadlessChromium.Start();

        var chain = browser.Open(new Uri(baseUri, $"/public/chain/{DrawTestData.Luohu}"));
        var verify = browser.Open(new Uri(baseUri, $"/public/verify/{drawId}"));
        var (exitCode, commandOutput) = await HostCommand.RunAsync(harness.Settings, "chain", "--office", DrawTestData.Luohu);
        var (untouchedExitCode, untouchedOutput) =
            await HostCommand.RunAsync(harness.Settings, "chain", "--office", DrawTestData.Futian);
        output.WriteLine(commandOutput);
        output.WriteLine(untouchedOutput);

        Assert.Contains("链在第 1 节断裂", chain, StringComparison.Ordinal);
        Assert.Contains(path, chain, StringComparison.Ordinal);
        Assert.Contains("核验结果：不一致", verify, StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
        Assert.Contains($"1\tBROKEN\t{path}\t", commandOutput, StringComparison.Ordinal);
        Assert.Equal(0, untouchedExitCode);
        Assert.Contains("all 1 entries hold", untouchedOutput, StringComparison.Ordinal);
    }

    /// <summary>
    /// Checks the page for contact data: no email address or phone label in its text and none of the test
    /// data's addresses anywhere in its source.
    /// </summary>
    private static void AssertNoContactData(HeadlessChromium browser, DrawTestData data)
    {
        var text = browser.Driver.FindElement(By.TagName("body")).Text;
        var source = browser.Driver.PageSource;
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("电话", text, StringComparison.Ordinal);
        Assert.DoesNotContain("手机", text, StringComparison.Ordinal);
        Assert.DoesNotContain("邮箱", text, StringComparison.Ordinal);
        Assert.DoesNotContain(data.Officers, officer => source.Contains(officer.Email, StringComparison.Ordinal));
        Assert.DoesNotContain(data.Offices, office => source.Contains(office.Email, StringComparison.Ordinal));
    }

    /// <summary>Serves a self-host on a free port, commits the slot a day ahead and runs its draw.</summary>
    private async Task<(DrawHarness Harness, Uri BaseUri, DrawTestData Data)> StartAndDrawAsync(string name)
    {
        var port = LoopbackPorts.PickFree();
        var harness = await DrawHarness.StartAsync(azurite, name, $"http://127.0.0.1:{port}");
        var data = DrawTestData.Create();
        await harness.SeedAsync(data, DrawTestData.Plan(PlanId));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddDays(-1));
        await harness.WaitAsync(DrawPaths.CommitmentInstanceId(PlanId, Slot));
        await harness.Scheduler.TickAsync(harness.Client, Slot.AddMinutes(1));
        await harness.WaitForSummaryAsync(DrawPaths.DrawId(PlanId, Slot));
        return (harness, new Uri($"http://127.0.0.1:{port}"), data);
    }
}
