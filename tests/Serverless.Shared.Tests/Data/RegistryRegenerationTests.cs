using Serverless.Shared.Data;

namespace Serverless.Shared.Tests.Data;

/// <summary>
/// Rewrites the committed employers.csv and officers.csv, for use after a change to the generator, the
/// offices or the items: <c>REGENERATE_DATA=1 dotnet test --filter FullyQualifiedName~RegistryRegeneration</c>.
/// </summary>
public sealed class RegistryRegenerationTests
{
    [RegenerationFact]
    public void WriteFiles_CommittedDirectory_LoadsBack()
    {
        var directory = BundledData.FindDefaultDirectory();

        RegistryGenerator.WriteFiles(directory);

        var data = BundledData.Load(directory);
        Assert.Equal(RegistryParameters.Default.EmployerCount, data.Employers.Count);
        Assert.Equal(RegistryParameters.Default.OfficerCount, data.Officers.Count);
    }
}
