using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Serverless.Shared.Draws;

namespace Serverless.Benchmarks;

/// <summary>
/// RFC 3797 selection of 50,000 of 1,000,000 candidates: the blocked bitset path against the literal list
/// procedure of the RFC, which removes each selection from a list and is the floor to compare with.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SelectorBenchmarks
{
    private readonly string key = Rfc3797.BuildKey(["2026 7 1", "12 3 45 6 7", "SZSE 10432"]);

    [Params(1_000_000)]
    public int CandidateCount { get; set; } = 1_000_000;

    [Params(50_000)]
    public int SelectionCount { get; set; } = 50_000;

    [Benchmark(Baseline = true)]
    public IReadOnlyList<int> SelectLiteral() => Rfc3797Selector.SelectLiteral(key, CandidateCount, SelectionCount);

    [Benchmark]
    public IReadOnlyList<int> Select() => Rfc3797Selector.Select(key, CandidateCount, SelectionCount);
}
