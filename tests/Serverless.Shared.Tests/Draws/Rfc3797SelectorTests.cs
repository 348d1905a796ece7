using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class Rfc3797SelectorTests
{
    private const string ExampleKey = "9319./2.5.8.10.12./9.18.26.34.41.45./";

    // Selections of the RFC 3797 section 6 example (see Rfc3797Tests), numbered from 1 in a pool of 25.
    private static readonly int[] ExampleSelections = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4];

    [Fact]
    public void Select_RfcExample_MatchesRfcSelections()
    {
        var positions = Rfc3797Selector.Select(ExampleKey, 25, ExampleSelections.Length);

        Assert.Equal(ExampleSelections, positions.Select(position => position + 1));
    }

    [Fact]
    public void SelectLiteral_RfcExample_MatchesRfcSelections()
    {
        var positions = Rfc3797Selector.SelectLiteral(ExampleKey, 25, ExampleSelections.Length);

        Assert.Equal(ExampleSelections, positions.Select(position => position + 1));
    }

    [Fact]
    public void SelectWithBlockedBitset_RfcExample_MatchesRfcSelections()
    {
        var positions = Rfc3797Selector.SelectWithBlockedBitset(ExampleKey, 25, ExampleSelections.Length);

        Assert.Equal(ExampleSelections, positions.Select(position => position + 1));
    }

    [Fact]
    public void SelectWithSortedList_RfcExample_MatchesRfcSelections()
    {
        var positions = Rfc3797Selector.SelectWithSortedList(ExampleKey, 25, ExampleSelections.Length);

        Assert.Equal(ExampleSelections, positions.Select(position => position + 1));
    }

    [Fact]
    public void Select_RandomSizes_MatchesLiteral()
    {
        var random = new Random(3797);
        for (var round = 0; round < 300; round++)
        {
            var candidateCount = round switch
            {
                0 => 1,
                1 => 2,
                < 100 => random.Next(1, 70),
                < 200 => random.Next(1, 700),
                _ => random.Next(1, 5000),
            };
            var count = round % 5 == 0 ? candidateCount : random.Next(0, Math.Min(candidateCount, 300) + 1);
            var key = Rfc3797.BuildKey([round.ToString(System.Globalization.CultureInfo.InvariantCulture), "fuzz"]);

            var literal = Rfc3797Selector.SelectLiteral(key, candidateCount, count);

            Assert.Equal(literal, Rfc3797Selector.Select(key, candidateCount, count));
            Assert.Equal(literal, Rfc3797Selector.SelectWithBlockedBitset(key, candidateCount, count));
            if (count <= 1000)
            {
                Assert.Equal(literal, Rfc3797Selector.SelectWithSortedList(key, candidateCount, count));
            }
        }
    }

    [Fact]
    public void Select_AllCandidates_ReturnsPermutation()
    {
        var positions = Rfc3797Selector.Select(ExampleKey, 500, 500);

        Assert.Equal(Enumerable.Range(0, 500), positions.Order());
    }

    [Fact]
    public void Select_ZeroCount_ReturnsEmpty()
    {
        Assert.Empty(Rfc3797Selector.Select(ExampleKey, 10, 0));
        Assert.Empty(Rfc3797Selector.Select(ExampleKey, 0, 0));
    }

    [Fact]
    public void Select_MaxCount_MatchesLiteral()
    {
        var literal = Rfc3797Selector.SelectLiteral(ExampleKey, 70_000, Rfc3797Selector.MaxCount);

        Assert.Equal(literal, Rfc3797Selector.Select(ExampleKey, 70_000, Rfc3797Selector.MaxCount));
    }

    [Fact]
    public void Select_CountAboveCandidates_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3797Selector.Select(ExampleKey, 3, 4));

        Assert.Contains("Cannot select 4 of 3 candidates.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_CountAboveLimit_NamesLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Rfc3797Selector.Select(ExampleKey, 100_000, 65_537));

        Assert.Contains("65,536", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(5, -1)]
    public void Select_Negative_Throws(int candidateCount, int count)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3797Selector.Select(ExampleKey, candidateCount, count));
    }

    [Fact]
    public void SelectLiteral_CountAboveCandidates_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3797Selector.SelectLiteral(ExampleKey, 3, 4));
    }
}
