using Serverless.Shared.Domain;

namespace Serverless.Shared.Data;

/// <summary>
/// Splits the generated employers and officers over the inspecting offices, weighted by city so that the
/// large cities get more. All arithmetic is on integers, so the split is the same on every platform.
/// </summary>
internal static class OfficeQuotas
{
    /// <summary>Officers every inspecting office gets before the rest is split by weight.</summary>
    public const int MinimumOfficers = 10;

    // Rough relative sizes of the cities' employer populations, chosen for plausible synthetic data. These
    // are estimates, not published statistics.
    private static readonly Dictionary<string, long> CityWeights = new(StringComparer.Ordinal)
    {
        ["440100"] = 200, ["440300"] = 240, ["441900"] = 100, ["440600"] = 90, ["441300"] = 40,
        ["442000"] = 40, ["440400"] = 30, ["440700"] = 30, ["440500"] = 30, ["440800"] = 25,
        ["440900"] = 20, ["441200"] = 20, ["445200"] = 20, ["441800"] = 15, ["441400"] = 12,
        ["440200"] = 12, ["445100"] = 12, ["441700"] = 10, ["441600"] = 10, ["441500"] = 8,
        ["445300"] = 7,
    };

    // Weight of a city missing from the table, such as one of another province.
    private const long DefaultCityWeight = 10;

    /// <summary>
    /// Returns the number of employers of each inspecting office: the cities share the total by weight and
    /// each city's share is split evenly over its inspecting offices.
    /// </summary>
    public static int[] Employers(IReadOnlyList<Office> inspecting, int total)
    {
        var cities = inspecting.Select(CityOf).Distinct(StringComparer.Ordinal).ToList();
        var cityWeights = cities
            .Select(code => CityWeights.TryGetValue(code, out var weight) ? weight : DefaultCityWeight)
            .ToList();
        var cityQuotas = Allocate(total, cityWeights);

        var quotas = new int[inspecting.Count];
        for (var c = 0; c < cities.Count; c++)
        {
            var members = Enumerable.Range(0, inspecting.Count)
                .Where(i => CityOf(inspecting[i]) == cities[c])
                .ToList();
            var split = Allocate(cityQuotas[c], members.Select(_ => 1L).ToList());
            for (var m = 0; m < members.Count; m++)
            {
                quotas[members[m]] = split[m];
            }
        }

        return quotas;
    }

    /// <summary>
    /// Returns the number of officers of each inspecting office: <see cref="MinimumOfficers"/> each, and the
    /// rest in proportion to the offices' employers.
    /// </summary>
    public static int[] Officers(IReadOnlyList<int> employerQuotas, int total)
    {
        var rest = total - (MinimumOfficers * employerQuotas.Count);
        var extra = Allocate(rest, employerQuotas.Select(q => (long)q).ToList());
        return extra.Select(e => e + MinimumOfficers).ToArray();
    }

    /// <summary>The city an inspecting office belongs to: its parent, or itself for a city without counties.</summary>
    public static string CityOf(Office office) =>
        office.Tier == OfficeTier.County && office.ParentCode is { } parent ? parent : office.Code;

    // Largest remainder method: each part gets the floor of its exact share, and the units left over go
    // to the largest remainders, ties to the earlier part.
    private static int[] Allocate(int total, List<long> weights)
    {
        var sum = weights.Sum();
        var parts = weights.Select(w => (int)(total * w / sum)).ToArray();
        var left = total - parts.Sum();
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => total * weights[i] % sum)
            .ThenBy(i => i)
            .Take(left);
        foreach (var i in order)
        {
            parts[i]++;
        }

        return parts;
    }
}
