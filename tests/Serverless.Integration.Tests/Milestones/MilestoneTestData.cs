using System.Globalization;
using Serverless.Integration.Tests.Draws;
using Serverless.Shared.Domain;

namespace Serverless.Integration.Tests.Milestones;

/// <summary>Officers for milestone tests, on the offices of <see cref="DrawTestData"/>.</summary>
internal static class MilestoneTestData
{
    /// <summary>The roster due date of the default set.</summary>
    public static readonly DateOnly RosterDue = new(2016, 10, 31);

    /// <summary>
    /// Returns <paramref name="valid"/> active officers of an office with certificates valid past the roster due
    /// date and <paramref name="expired"/> whose certificates end before it, numbered from <paramref name="first"/>.
    /// </summary>
    public static List<Officer> Officers(string office, int valid, int expired, int first = 1) =>
    [
        .. Enumerable.Range(first, valid + expired).Select(i =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"GD-{office}-{i:0000}");
            var expiry = i - first < valid ? new DateOnly(2019, 12, 31) : new DateOnly(2016, 6, 30);
            return new Officer(
                id, office, $"测试官{i}", $"粤执法{office}{i:00000}", expiry, OfficerStatus.Active, ["LS-01"],
                $"{id.ToLowerInvariant()}@officers.example", []);
        }),
    ];
}
