namespace Serverless.Infra.Tests.Support;

/// <summary>Paths in the checkout and in the build output that the tests read.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder that holds Serverless.sln, found upwards from the test output.</summary>
    public static string Root { get; } = FindRoot();

    public static string InfraAzure => Path.Combine(Root, "infra", "azure");

    public static string Operations => Path.Combine(Root, "docs", "OPERATIONS.md");

    public static string OpenApiDocument => Path.Combine(Root, "docs", "openapi.json");

    /// <summary>The Functions app's build output for the configuration this test assembly was built with.</summary>
    public static string FunctionsOutput()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(
            Root, "functions", "Serverless.Functions", "bin", testOutput.Parent!.Name, testOutput.Name);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Serverless.sln above {AppContext.BaseDirectory}.");
    }
}
