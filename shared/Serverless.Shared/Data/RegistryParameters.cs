namespace Serverless.Shared.Data;

/// <summary>Inputs of <see cref="RegistryGenerator"/>. The same parameters give the same registry.</summary>
/// <param name="Seed">Seed of the <see cref="System.Random"/> that makes every choice.</param>
/// <param name="EmployerCount">Number of employers, spread over the inspecting offices.</param>
/// <param name="OfficerCount">Number of officers; at least ten per inspecting office.</param>
/// <param name="ReferenceDate">
/// Day the registry describes: inspection dates fall in the two years before it, and certificate expiry
/// dates are placed relative to it.
/// </param>
public sealed record RegistryParameters(int Seed, int EmployerCount, int OfficerCount, DateOnly ReferenceDate)
{
    /// <summary>Parameters of the committed employers.csv and officers.csv.</summary>
    public static RegistryParameters Default { get; } = new(
        Seed: 20261201, EmployerCount: 50_000, OfficerCount: 1_600, ReferenceDate: new DateOnly(2026, 12, 1));
}
