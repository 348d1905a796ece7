using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class SortitionTests
{
    private static readonly string RfcCandidates = string.Join('\n',
        "John", "Mary", "Bashful", "Dopey", "Sleepy", "Grouchy", "Doc", "Sneazy", "Handsome", "Cassandra",
        "Pollyanna", "Pendragon", "Pandora", "Faith", "Hope", "Charity", "Lee", "Longsuffering", "Chastity",
        "Smith", "Pride", "Sloth", "Envy", "Anger", "Kasczynski") + "\n";

    private const string RfcEntropy = "# sources of RFC 3797 section 6\n9319\n\n2 5 12 8 10\n9 18 26 34 41 45\n";

    private static string Run(string candidates, string entropy, int count)
    {
        using var output = new StringWriter();
        Sortition.Run(new StringReader(candidates), new StringReader(entropy), count, output);
        return output.ToString();
    }

    [Fact]
    public void Run_RfcExample_PrintsRfcSelections()
    {
        var output = Run(RfcCandidates, RfcEntropy, 5);

        Assert.Equal("1\t17\tLee\n2\t7\tDoc\n3\t2\tMary\n4\t16\tCharity\n5\t25\tKasczynski\n", output);
    }

    [Fact]
    public void Run_TrailingBlankLines_Ignored()
    {
        var output = Run(RfcCandidates + "\n\n", RfcEntropy, 25);

        Assert.Equal(25, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Run_ZeroCount_PrintsNothing()
    {
        Assert.Equal("", Run(RfcCandidates, RfcEntropy, 0));
    }

    [Fact]
    public void Run_CountAboveCandidates_NamesCountOption()
    {
        using var output = new StringWriter();

        var error = Assert.Throws<ValidationException>(() => Sortition.Run(
            new StringReader(RfcCandidates), new StringReader(RfcEntropy), 26, output));

        Assert.Equal("--count '26' is larger than the 25 candidates.", error.Message);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Run_NegativeCount_NamesCountOption()
    {
        var error = Assert.Throws<ValidationException>(() => Run(RfcCandidates, RfcEntropy, -1));

        Assert.Equal("--count", error.Field);
    }

    [Fact]
    public void Run_OnlyComments_NamesEntropyOption()
    {
        var error = Assert.Throws<ValidationException>(() => Run(RfcCandidates, "# none\n\n", 1));

        Assert.Equal("--entropy", error.Field);
    }

    [Fact]
    public void Run_SourceWithoutLetters_NamesEntropyOption()
    {
        var error = Assert.Throws<ValidationException>(() => Run(RfcCandidates, "9319\n--\n", 1));

        Assert.Equal("--entropy", error.Field);
        Assert.Equal("--", error.Value);
    }

    [Fact]
    public void Run_BlankCandidateInside_NamesCandidatesOption()
    {
        var error = Assert.Throws<ValidationException>(() => Run("A\n\nB\n", RfcEntropy, 1));

        Assert.Equal("--candidates", error.Field);
        Assert.Equal("line 2", error.Value);
    }

    [Fact]
    public void Run_UnreadableCandidates_NamesCandidatesOption()
    {
        using var output = new StringWriter();
        using var failing = new FailingReader();

        var error = Assert.Throws<ValidationException>(
            () => Sortition.Run(failing, new StringReader(RfcEntropy), 1, output));

        Assert.Equal("--candidates", error.Field);
    }

    [Fact]
    public void Run_UnreadableEntropy_NamesEntropyOption()
    {
        using var output = new StringWriter();
        using var failing = new FailingReader();

        var error = Assert.Throws<ValidationException>(
            () => Sortition.Run(new StringReader(RfcCandidates), failing, 1, output));

        Assert.Equal("--entropy", error.Field);
    }

    [Theory]
    [InlineData("risk")]
    [InlineData("general")]
    public void Run_StratumFiles_ReproducesEngineSelections(string stratum)
    {
        var pool = DrawTestData.Pool(300, riskEvery: 7);
        var input = DrawTestData.Input(pool, DrawTestData.Roster(30), new TargetRule(0.1m, RiskRatio: 0.2m));
        var drawn = OfficeDrawEngine.Draw(input).Targets.Where(t => t.Stratum == stratum).ToArray();
        var candidates = pool.Where(entry => entry.RiskFlagged == (stratum == "risk")).ToArray();
        var entropy = string.Join('\n', DrawTestData.Sources.Append(stratum)) + "\n";

        var output = Run(PoolFile.Format(candidates), entropy, drawn.Length);

        var expected = drawn.Select((t, i) => $"{i + 1}\t{t.PoolLine}\t{t.CreditCode}\n");
        Assert.Equal(string.Concat(expected), output);
        Assert.NotEmpty(drawn);
    }

    private sealed class FailingReader : TextReader
    {
        public override string? ReadLine() => throw new IOException("disk read failed");
    }
}
