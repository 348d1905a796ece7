using System.Text.Json;

namespace Serverless.Functions.Tests;

/// <summary>
/// The functions.metadata file that the Worker SDK writes at build time is what the Functions host loads;
/// these tests read it as the host would.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string> ExpectedTriggers => new()
    {
        { "DrawTimer", "timerTrigger" },
        { "GetDraw", "httpTrigger" },
        { "GetOpenApiDocument", "httpTrigger" },
        { "DrawOrchestrator", "orchestrationTrigger" },
        { "CommitmentOrchestrator", "orchestrationTrigger" },
        { "PrepareDraw", "activityTrigger" },
        { "CommitSeed", "activityTrigger" },
        { "DrawOffice", "activityTrigger" },
        { "SendDrawNotice", "activityTrigger" },
        { "CompleteDraw", "activityTrigger" },
        { "AppendChain", "activityTrigger" },
        { "PublicItems", "httpTrigger" },
        { "PublicDraws", "httpTrigger" },
        { "PublicDraw", "httpTrigger" },
        { "PublicOfficeDraw", "httpTrigger" },
        { "PublicCommitments", "httpTrigger" },
        { "PublicVerify", "httpTrigger" },
        { "PublicChain", "httpTrigger" },
        { "PublicFile", "httpTrigger" },
        { "StartCampaign", "httpTrigger" },
        { "GetCampaign", "httpTrigger" },
        { "CancelCampaign", "httpTrigger" },
        { "RecordRecusal", "httpTrigger" },
        { "EnterInspectionResult", "httpTrigger" },
        { "PutCalendarYear", "httpTrigger" },
        { "ListCalendarYears", "httpTrigger" },
        { "CampaignOrchestrator", "orchestrationTrigger" },
        { "PrepareCampaign", "activityTrigger" },
        { "DrawCampaignOffice", "activityTrigger" },
        { "SendCampaignNotice", "activityTrigger" },
        { "MilestoneOrchestrator", "orchestrationTrigger" },
        { "CheckMilestone", "activityTrigger" },
        { "SendMilestoneReminder", "activityTrigger" },
        { "GetMilestoneStatus", "httpTrigger" },
        { "PostMilestoneSet", "httpTrigger" },
        { "PutMilestoneDocument", "httpTrigger" },
        { "AcknowledgeMilestoneFiling", "httpTrigger" },
        { "ImportRegistry", "httpTrigger" },
        { "ListRegistry", "httpTrigger" },
        { "SetRegistryStatus", "httpTrigger" },
        { "GetRegistryHistory", "httpTrigger" },
        { "SubmitDeclaration", "httpTrigger" },
        { "ListDeclarations", "httpTrigger" },
        { "ConfirmDeclaration", "httpTrigger" },
        { "RejectDeclaration", "httpTrigger" },
        { "ExportDrawResults", "httpTrigger" },
        { "ExportInspectionResults", "httpTrigger" },
        { "ExportDishonest", "httpTrigger" },
        { "ImportDishonest", "httpTrigger" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTriggers))]
    public void Metadata_Function_HasTrigger(string function, string trigger)
    {
        var bindings = BindingsOf(function);

        var first = bindings.First();
        Assert.Equal(trigger, first.GetProperty("type").GetString());
        Assert.Equal("In", first.GetProperty("direction").GetString());
    }

    [Fact]
    public void Metadata_Functions_AreExactlyTheExpectedSet()
    {
        var names = Load().Select(f => f.GetProperty("name").GetString() ?? "").Order(StringComparer.Ordinal).ToList();

        var expected = ExpectedTriggers.Select(row => (string)row[0]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, names);
    }

    [Fact]
    public void Metadata_Timer_RunsEveryMinuteInUtc()
    {
        var timer = BindingsOf("DrawTimer").Single(b => b.GetProperty("type").GetString() == "timerTrigger");

        Assert.Equal("0 */1 * * * *", timer.GetProperty("schedule").GetString());
        Assert.True(timer.GetProperty("useMonitor").GetBoolean());
    }

    [Fact]
    public void Metadata_TimerAndHttp_HaveDurableClient()
    {
        Assert.Contains(BindingsOf("DrawTimer"), b => b.GetProperty("type").GetString() == "durableClient");
        Assert.Contains(BindingsOf("GetDraw"), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Fact]
    public void Metadata_GetDraw_IsAnonymousGetOnDrawsRoute()
    {
        var http = BindingsOf("GetDraw").Single(b => b.GetProperty("type").GetString() == "httpTrigger");

        Assert.Equal("draws/{drawId}", http.GetProperty("route").GetString());
        Assert.Equal(["get"], http.GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToList());
        Assert.Equal("Anonymous", http.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Output_HostJson_IsLinkedFromRoot()
    {
        var hostJson = Path.Combine(OutputDirectory(), "host.json");

        Assert.True(File.Exists(hostJson), $"missing {hostJson}");
        using var document = JsonDocument.Parse(File.ReadAllText(hostJson));
        var hub = document.RootElement.GetProperty("extensions").GetProperty("durableTask").GetProperty("hubName").GetString();
        Assert.Equal("InspectionDraws", hub);
    }

    private static List<JsonElement> BindingsOf(string function)
    {
        var entry = Load().SingleOrDefault(f => f.GetProperty("name").GetString() == function);
        Assert.True(entry.ValueKind == JsonValueKind.Object, $"functions.metadata has no function named {function}");
        return entry.GetProperty("bindings").EnumerateArray().ToList();
    }

    private static List<JsonElement> Load()
    {
        var path = Path.Combine(OutputDirectory(), "functions.metadata");
        Assert.True(File.Exists(path), $"missing {path}; build functions/Serverless.Functions first");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>The Functions app's build output for the configuration this test assembly was built with.</summary>
    private static string OutputDirectory()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        for (var folder = testOutput; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
            {
                return Path.Combine(folder.FullName, "functions", "Serverless.Functions", "bin", configuration, framework);
            }
        }

        throw new DirectoryNotFoundException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}
