using System.Text.Json;
using Serverless.Infra.Tests.Support;

namespace Serverless.Infra.Tests.Bicep;

/// <summary>Builds and lints infra/azure with the Bicep CLI, so a broken or unclean template fails.</summary>
public sealed class BicepTemplateTests
{
    public static TheoryData<string> BicepFiles => new(
        Directory.EnumerateFiles(RepositoryPaths.InfraAzure, "*.bicep*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.InfraAzure, path))
            .Order(StringComparer.Ordinal));

    public static TheoryData<string> ParameterFiles => new(
        Directory.EnumerateFiles(RepositoryPaths.InfraAzure, "*.bicepparam", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.InfraAzure, path))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_File_HasNoDiagnostics(string file)
    {
        var result = await BicepCli.RunAsync("lint", Path.Combine(RepositoryPaths.InfraAzure, file));

        Assert.True(result.ExitCode == 0, result.Text);
        Assert.True(result.Text.Trim().Length == 0, result.Text);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public async Task BuildParams_File_Compiles(string file)
    {
        var result = await BicepCli.RunAsync(
            "build-params", Path.Combine(RepositoryPaths.InfraAzure, file), "--stdout");

        Assert.True(result.ExitCode == 0, result.Text);
        using var document = JsonDocument.Parse(result.Output);
        Assert.True(document.RootElement.TryGetProperty("parametersJson", out _), result.Output);
    }

    [Fact]
    public async Task Lint_BrokenTemplate_Fails()
    {
        var folder = Directory.CreateTempSubdirectory("bicep-");
        try
        {
            var file = Path.Combine(folder.FullName, "broken.bicep");
            await File.WriteAllTextAsync(file, "param name string\noutput upper int = toUpper(name)\n");

            var result = await BicepCli.RunAsync("lint", file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("Error", result.Text, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Build_Main_TargetsSubscription()
    {
        var template = await BuildMainAsync();

        Assert.Contains("subscriptionDeploymentTemplate", template.RootElement.GetProperty("$schema").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Main_UsesNoAccountKeys()
    {
        var text = (await BuildMainAsync()).RootElement.GetRawText();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InstrumentationKey=", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Build_Storage_TurnsSharedKeyOff()
    {
        var account = FindResource(await BuildMainAsync(), "Microsoft.Storage/storageAccounts");

        Assert.False(account.GetProperty("properties").GetProperty("allowSharedKeyAccess").GetBoolean());
    }

    [Fact]
    public async Task Build_Plan_IsFlexConsumption()
    {
        var plan = FindResource(await BuildMainAsync(), "Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.GetProperty("sku").GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", plan.GetProperty("sku").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Build_FunctionApp_UsesIdentityForHostStorage()
    {
        var template = await BuildMainAsync();
        var app = FindResource(template, "Microsoft.Web/sites");

        // The app settings are variables of the module's template, so the whole template is searched.
        var text = template.RootElement.GetRawText();

        Assert.Contains("AzureWebJobsStorage__accountName", text, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__credential", text, StringComparison.Ordinal);
        Assert.Contains("dotnet-isolated", text, StringComparison.Ordinal);
        Assert.Equal("functionapp,linux", app.GetProperty("kind").GetString());
    }

    private static async Task<JsonDocument> BuildMainAsync()
    {
        var result = await BicepCli.RunAsync("build", Path.Combine(RepositoryPaths.InfraAzure, "main.bicep"), "--stdout");
        Assert.True(result.ExitCode == 0, result.Text);
        return JsonDocument.Parse(result.Output);
    }

    /// <summary>Finds a resource of a type in the compiled template, inside the nested module deployments.</summary>
    private static JsonElement FindResource(JsonDocument template, string type)
    {
        var found = Resources(template.RootElement).FirstOrDefault(r =>
            r.TryGetProperty("type", out var t) && t.GetString() == type);
        Assert.True(found.ValueKind == JsonValueKind.Object, $"the template has no resource of type {type}");
        return found;
    }

    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        if (!template.TryGetProperty("resources", out var resources))
        {
            yield break;
        }

        // Bicep writes resources as an array, or as an object keyed by symbolic name.
        var items = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(p => p.Value).ToList();
        foreach (var resource in items)
        {
            yield return resource;
            if (resource.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in Resources(nested))
                {
                    yield return inner;
                }
            }
        }
    }
}
