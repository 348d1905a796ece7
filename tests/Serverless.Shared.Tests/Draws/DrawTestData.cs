using System.Globalization;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

/// <summary>Builders of valid pools, rosters and draw inputs for the draw tests.</summary>
internal static class DrawTestData
{
    public static readonly DateOnly InspectionDate = new(2026, 7, 31);

    public static readonly string[] Sources = ["2026 7 1", "12 3 45 6 7", "深圳 SZSE 10432.5"];

    /// <summary>Returns a valid credit code whose serial part is the number.</summary>
    public static string Code(int number)
    {
        var body = "91440300" + number.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    /// <summary>Returns a pool of valid codes in canonical order; every riskEvery-th entry is flagged.</summary>
    public static PoolEntry[] Pool(int size, int riskEvery = 0)
    {
        var pool = new PoolEntry[size];
        for (var i = 0; i < size; i++)
        {
            pool[i] = new PoolEntry(Code(i + 1), riskEvery > 0 && i % riskEvery == 0);
        }

        return pool;
    }

    public static RosterEntry Officer(
        string id,
        OfficerStatus status = OfficerStatus.Active,
        DateOnly? expiry = null,
        string[]? qualifications = null,
        string[]? conflicts = null) =>
        new(id, status, expiry ?? InspectionDate.AddYears(1), qualifications ?? ["LS-01", "LS-03"], conflicts ?? []);

    /// <summary>Returns a roster of active, qualified officers O001, O002, ...</summary>
    public static RosterEntry[] Roster(int size) =>
        Enumerable.Range(1, size).Select(i => Officer($"O{i:D3}")).ToArray();

    public static OfficeDrawInput Input(
        IReadOnlyList<PoolEntry> pool,
        IReadOnlyList<RosterEntry> roster,
        TargetRule? targets = null,
        int officersPerTarget = 2,
        int? maxTargetsPerOfficer = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? previousTeams = null) =>
        new(
            "440305",
            pool,
            roster,
            ["LS-01", "LS-03"],
            targets ?? new TargetRule(Count: 3),
            officersPerTarget,
            maxTargetsPerOfficer,
            InspectionDate,
            Sources,
            previousTeams ?? new Dictionary<string, IReadOnlyList<string>>());
}
