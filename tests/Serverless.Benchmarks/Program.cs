using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Serverless.Benchmarks;
using Serverless.Benchmarks.WholeSystem;

// --smoke runs every benchmark once on tiny inputs in this process, so CI checks they still run. It asserts no timing.
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
    teams.SelectionsOnly();
    var outcome = teams.Draw();
    Console.WriteLine($"Smoke run of the in-process benchmarks passed: {fast.Count} selections, {outcome.Targets.Count} teams drawn.");

    await WholeSystemRun.RunAsync(WholeSystemSizes.Smoke, Console.Out, CancellationToken.None);
    Console.WriteLine("Smoke run of the whole-system benchmarks passed.");
    return 0;
}

// --whole-system runs the product and its floor side by side on a fresh Azurite, at the published sizes unless
// options after it set others.
if (args.Contains("--whole-system"))
{
    await WholeSystemRun.RunAsync(WholeSystemSizes.Parse(args), Console.Out, CancellationToken.None);
    return 0;
}

// BenchmarkDotNet builds a copy of this project with the host and its packages, which can take longer than its
// default of 2 minutes on a busy 2-core machine.
var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
BenchmarkSwitcher.FromAssembly(typeof(SelectorBenchmarks).Assembly).Run(args, config);
return 0;
