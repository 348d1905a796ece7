namespace Serverless.Benchmarks.WholeSystem;

/// <summary>Input sizes of a whole-system run.</summary>
/// <param name="ImportRows">Rows of the file imported by the product and by the floor.</param>
/// <param name="LargeImportRows">Rows of the second file, imported by the product only, whose rows the pool loading reads.</param>
/// <param name="DrawEmployers">Employers of the registry generated for the draw.</param>
/// <param name="DrawOfficers">Officers of that registry; the generator needs at least ten per inspecting office.</param>
/// <param name="DrawCity">Office code the draw is limited to, or null for the whole province.</param>
internal sealed record WholeSystemSizes(
    int ImportRows, int LargeImportRows, int DrawEmployers, int DrawOfficers, string? DrawCity)
{
    /// <summary>The sizes of the published results.</summary>
    public static WholeSystemSizes Full { get; } = new(100_000, 1_000_000, 100_000, 3_000, null);

    /// <summary>Tiny sizes that check every step still runs, with the draw limited to Shenzhen.</summary>
    public static WholeSystemSizes Smoke { get; } = new(500, 2_000, 2_000, 1_240, "440300");
}
