using System.Globalization;

namespace Serverless.Benchmarks.WholeSystem;

/// <summary>Input sizes of a whole-system run.</summary>
/// <param name="ImportRows">Rows of the file imported by the product and by the floor.</param>
/// <param name="LargeImportRows">Rows of the second file, imported by the product only, whose rows the pool loading reads.</param>
/// <param name="DrawEmployers">Employers of the registry generated for the draw.</param>
/// <param name="DrawOfficers">Officers of that registry; the generator needs at least ten per inspecting office.</param>
/// <param name="DrawCity">Office code the draw is limited to, or null for the whole province.</param>
/// <param name="ImportRounds">
/// Times the product and the floor each import the first file, alternating which goes first.
/// </param>
internal sealed record WholeSystemSizes(
    int ImportRows, int LargeImportRows, int DrawEmployers, int DrawOfficers, string? DrawCity, int ImportRounds)
{
    /// <summary>The sizes of the published results.</summary>
    public static WholeSystemSizes Full { get; } = new(100_000, 1_000_000, 100_000, 3_000, null, 3);

    /// <summary>Tiny sizes that check every step still runs, with the draw limited to Shenzhen.</summary>
    public static WholeSystemSizes Smoke { get; } = new(500, 2_000, 2_000, 1_240, "440300", 1);

    /// <summary>
    /// Returns <see cref="Full"/> with the sizes that <c>--import-rows</c>, <c>--large-import-rows</c>,
    /// <c>--draw-employers</c>, <c>--draw-officers</c>, <c>--draw-city</c> and <c>--import-rounds</c> set.
    /// </summary>
    /// <exception cref="ArgumentException">An option has no value, or a count is not a positive integer.</exception>
    public static WholeSystemSizes Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sizes = Full;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--import-rows":
                    sizes = sizes with { ImportRows = Count(args, i) };
                    i++;
                    break;
                case "--large-import-rows":
                    sizes = sizes with { LargeImportRows = Count(args, i) };
                    i++;
                    break;
                case "--draw-employers":
                    sizes = sizes with { DrawEmployers = Count(args, i) };
                    i++;
                    break;
                case "--draw-officers":
                    sizes = sizes with { DrawOfficers = Count(args, i) };
                    i++;
                    break;
                case "--draw-city":
                    sizes = sizes with { DrawCity = Value(args, i) };
                    i++;
                    break;
                case "--import-rounds":
                    sizes = sizes with { ImportRounds = Count(args, i) };
                    i++;
                    break;
            }
        }

        return sizes;
    }

    // Returns the positive integer that follows the option at optionIndex.
    private static int Count(IReadOnlyList<string> args, int optionIndex)
    {
        var text = Value(args, optionIndex);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException(
                $"{args[optionIndex]} must be a positive integer, but is '{text}'.", nameof(args));
    }

    // Returns the value that follows the option at optionIndex.
    private static string Value(IReadOnlyList<string> args, int optionIndex) =>
        optionIndex + 1 < args.Count
            ? args[optionIndex + 1]
            : throw new ArgumentException($"{args[optionIndex]} needs a value.", nameof(args));
}
