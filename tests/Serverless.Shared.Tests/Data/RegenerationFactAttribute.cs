namespace Serverless.Shared.Tests.Data;

/// <summary>A fact that runs only when the environment variable REGENERATE_DATA is 1.</summary>
public sealed class RegenerationFactAttribute : FactAttribute
{
    /// <summary>Name of the environment variable that enables the test.</summary>
    public const string Variable = "REGENERATE_DATA";

    public RegenerationFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"Rewrites the committed data files; set {Variable}=1 to run it.";
        }
    }
}
