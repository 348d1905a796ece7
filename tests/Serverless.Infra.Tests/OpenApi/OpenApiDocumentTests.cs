using System.Text.Json;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Serverless.Infra.Tests.Support;

namespace Serverless.Infra.Tests.OpenApi;

/// <summary>
/// docs/openapi.json is valid OpenAPI and lists exactly the HTTP functions of the built functions.metadata.
/// The self-host's routes are checked against the same document by the integration tests.
/// </summary>
public sealed class OpenApiDocumentTests
{
    /// <summary>The Functions host's default route prefix; host.json does not change it.</summary>
    private const string RoutePrefix = "api";

    [Fact]
    public async Task Document_Parses_WithoutErrors()
    {
        var result = await LoadAsync();

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic?.Errors ?? []);
    }

    [Fact]
    public async Task Document_Operations_HaveIdsAndResponses()
    {
        var document = (await LoadAsync()).Document!;

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                Assert.False(string.IsNullOrEmpty(operation.OperationId), $"{method} {path} has no operationId");
                Assert.True(operation.Responses?.Count > 0, $"{method} {path} has no responses");
            }
        }
    }

    [Fact]
    public async Task Document_Routes_MatchFunctionsMetadata()
    {
        var documented = Routes((await LoadAsync()).Document!);

        var functions = FunctionRoutes();

        Assert.Equal(documented, functions);
    }

    [Fact]
    public void Output_Document_IsCopiedToFunctionsApp()
    {
        var copy = Path.Combine(RepositoryPaths.FunctionsOutput(), "openapi.json");

        Assert.True(File.Exists(copy), $"missing {copy}");
        Assert.Equal(File.ReadAllText(RepositoryPaths.OpenApiDocument), File.ReadAllText(copy));
    }

    /// <summary>The documented operations as sorted "METHOD /path" lines.</summary>
    internal static List<string> Routes(OpenApiDocument document) => document.Paths
        .SelectMany(path => (path.Value.Operations ?? []).Select(op => ApiRoute.Create(op.Key.Method, path.Key)))
        .Select(route => route.ToString())
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<string> FunctionRoutes()
    {
        var metadata = Path.Combine(RepositoryPaths.FunctionsOutput(), "functions.metadata");
        Assert.True(File.Exists(metadata), $"missing {metadata}; build functions/Serverless.Functions first");
        using var json = JsonDocument.Parse(File.ReadAllText(metadata));
        return json.RootElement.EnumerateArray()
            .SelectMany(function => function.GetProperty("bindings").EnumerateArray())
            .Where(binding => binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(binding => binding.GetProperty("methods").EnumerateArray().Select(method =>
                ApiRoute.Create(method.GetString()!, $"{RoutePrefix}/{binding.GetProperty("route").GetString()}")))
            .Select(route => route.ToString())
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<ReadResult> LoadAsync()
    {
        await using var stream = File.OpenRead(RepositoryPaths.OpenApiDocument);
        return await OpenApiDocument.LoadAsync(stream, "json");
    }
}
