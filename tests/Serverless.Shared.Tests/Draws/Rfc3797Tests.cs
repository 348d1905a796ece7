using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class Rfc3797Tests
{
    // The worked example of RFC 3797 section 6, three lottery results as sources, as reproduced with the RFC's
    // output in the files ref.seeds and ref.results of the GitHub repository richsalz/ietf-rfc3797.
    private static readonly string[] ExampleSources = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"];

    private const string ExampleKey = "9319./2.5.8.10.12./9.18.26.34.41.45./";

    // MD5 values of indexes 0 to 15 in that example.
    private static readonly string[] ExampleValues =
    [
        "990DD0A5692A029A98B5E01AA28F3459",
        "3691E55CB63FCC37914430B2F70B5EC6",
        "FE814EDF564C190AC1D25753979990FA",
        "1863CCACEB568C31D7DDBDF1D4E91387",
        "F4AB33DF4889F0AF29C513905BE1D758",
        "13EAEB529F61ACFB9A29D0BA3A60DE4A",
        "992DB77C382CA2BDB9727001F3CDCCD9",
        "63AB4258ECA922976811C7F55C383CE7",
        "DFBC5AC97CED01B3A6E348E3CC63F40D",
        "31CB111C4A4EBE9287CEAE16FE51B909",
        "07FA46C122F164C215BBC72793B189A3",
        "AC52F8D75CCBE2E61AFEB3387637D501",
        "53306F73E14FC0B2FBF434218D25948E",
        "B5D1403501A81F9A47318BE7893B347C",
        "85B10B356AA06663EF1B1B407765100A",
        "3269E6CE559ABD57E2BA6AAB495EB9BD",
    ];

    [Fact]
    public void BuildKey_RfcExample_MatchesRfcKey()
    {
        Assert.Equal(ExampleKey, Rfc3797.BuildKey(ExampleSources));
    }

    [Fact]
    public void ValueAt_RfcExample_MatchesEveryRfcValue()
    {
        for (var index = 0; index < ExampleValues.Length; index++)
        {
            Assert.Equal(ExampleValues[index], Rfc3797.ToHex(Rfc3797.ValueAt(ExampleKey, index)));
        }
    }

    [Theory]
    [InlineData("007 10 9", "7.9.10./")]
    [InlineData("0 00", "0.0./")]
    [InlineData("  42\t", "42./")]
    [InlineData("123456789012345678901234567890 99", "99.123456789012345678901234567890./")]
    public void BuildKey_NumericSource_SortsWithoutLeadingZeros(string source, string expected)
    {
        Assert.Equal(expected, Rfc3797.BuildKey([source]));
    }

    [Theory]
    [InlineData("W 4-1", "W41./")]
    [InlineData("risk", "RISK./")]
    [InlineData("Mažňák", "MAZNAK./")]
    [InlineData("深圳 SZSE 10432.5", "SZSE104325./")]
    [InlineData("91440300MA5D12345W", "91440300MA5D12345W./")]
    public void BuildKey_TextSource_KeepsUpperCaseLettersAndDigits(string source, string expected)
    {
        Assert.Equal(expected, Rfc3797.BuildKey([source]));
    }

    [Fact]
    public void BuildKey_TwoLists_ConcatenatesKeys()
    {
        var joined = Rfc3797.BuildKey(["3 1", "general"]);

        Assert.Equal(Rfc3797.BuildKey(["3 1"]) + Rfc3797.BuildKey(["general"]), joined);
    }

    [Fact]
    public void BuildKey_Empty_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => Rfc3797.BuildKey([]));

        Assert.Equal("entropySources", error.Field);
    }

    [Fact]
    public void BuildKey_SourceWithoutLetters_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => Rfc3797.BuildKey(["9319", "深圳 -"]));

        Assert.Equal("深圳 -", error.Value);
    }

    [Fact]
    public void ValueAt_IndexAboveLimit_NamesLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3797.ValueAt(ExampleKey, 65536));

        Assert.Contains("65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueAt_LastIndex_Returns()
    {
        var value = Rfc3797.ValueAt(ExampleKey, 65535);

        Assert.NotEqual(Rfc3797.ValueAt(ExampleKey, 0), value);
    }

    [Fact]
    public void ValueAt_NegativeIndex_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rfc3797.ValueAt(ExampleKey, -1));
    }

    [Fact]
    public void ValueAt_NonAsciiKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => Rfc3797.ValueAt("深圳./", 0));
    }
}
