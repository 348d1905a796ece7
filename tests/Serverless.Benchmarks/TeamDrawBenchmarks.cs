using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Benchmarks;

/// <summary>
/// One office draw of 50,000 targets from a pool of 1,000,000, with teams of 2 from 5,000 officers. Each
/// officer declares 20 conflicts, every tenth pool entry has a previous team, and the even-share cap applies.
/// The floor is the RFC 3797 work any such draw does: the target selection, and for each target its own key
/// and a selection of 2 from all officers, with no eligibility rule, cap or outcome record.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TeamDrawBenchmarks
{
    private OfficeDrawInput input = null!;

    [Params(1_000_000)]
    public int PoolSize { get; set; } = 1_000_000;

    [Params(50_000)]
    public int TargetCount { get; set; } = 50_000;

    [Params(5_000)]
    public int OfficerCount { get; set; } = 5_000;

    [GlobalSetup]
    public void Setup()
    {
        // A fixed seed keeps the generated pool, roster and conflicts the same for every run.
        var random = new Random(20260701);
        var pool = new PoolEntry[PoolSize];
        for (var i = 0; i < PoolSize; i++)
        {
            pool[i] = new PoolEntry(Code(i), random.Next(10) == 0);
        }

        var roster = new RosterEntry[OfficerCount];
        for (var i = 0; i < OfficerCount; i++)
        {
            var conflicts = Enumerable.Range(0, 20).Select(_ => pool[random.Next(PoolSize)].CreditCode).ToArray();
            roster[i] = new RosterEntry(
                $"O{i:D6}", OfficerStatus.Active, new DateOnly(2027, 12, 31), ["LS-01", "LS-03"], conflicts);
        }

        var previousTeams = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = 0; i < PoolSize; i += 10)
        {
            previousTeams[pool[i].CreditCode] =
                [roster[random.Next(OfficerCount)].OfficerId, roster[random.Next(OfficerCount)].OfficerId];
        }

        input = new OfficeDrawInput(
            "440305",
            pool,
            roster,
            ["LS-01", "LS-03"],
            new TargetRule(Count: TargetCount),
            OfficersPerTarget: 2,
            MaxTargetsPerOfficer: null,
            new DateOnly(2026, 7, 31),
            ["2026 7 1", "12 3 45 6 7", "SZSE 10432"],
            previousTeams);
    }

    [Benchmark(Baseline = true)]
    public int SelectionsOnly()
    {
        var baseKey = Rfc3797.BuildKey(input.EntropySources);
        var targets = Rfc3797Selector.Select(baseKey, input.Pool.Count, TargetCount);
        var checksum = 0;
        foreach (var target in targets)
        {
            var key = baseKey + Rfc3797.BuildKey([input.Pool[target].CreditCode]);
            var team = Rfc3797Selector.Select(key, input.Roster.Count, input.OfficersPerTarget);
            checksum += team[0];
        }

        return checksum;
    }

    [Benchmark]
    public OfficeDrawOutcome Draw() => OfficeDrawEngine.Draw(input);

    private static string Code(int number)
    {
        var body = "91440300" + number.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }
}
