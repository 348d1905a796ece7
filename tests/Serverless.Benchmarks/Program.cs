using BenchmarkDotNet.Running;
using Serverless.Benchmarks;

// --smoke runs every benchmark once on tiny inputs in this process, so CI checks they still run.
if (args.Contains("--smoke"))
{
    var selector = new SelectorBenchmarks { CandidateCount = 1_000, SelectionCount = 100 };
    var fast = selector.Select();
    var literal = selector.SelectLiteral();
    if (!fast.SequenceEqual(literal))
    {
        Console.Error.WriteLine("Select and SelectLiteral gave different selections.");
        return 1;
    }

    var teams = new TeamDrawBenchmarks { PoolSize = 2_000, TargetCount = 100, OfficerCount = 50 };
    teams.Setup();
    var outcome = teams.Draw();
    Console.WriteLine($"Smoke run passed: {fast.Count} selections, {outcome.Targets.Count} teams drawn.");
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SelectorBenchmarks).Assembly).Run(args);
return 0;
