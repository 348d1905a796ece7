using Serverless.Shared.Domain;

namespace Serverless.Shared.Tests.Domain;

public sealed class CreditCodeTests
{
    // Check characters computed by hand from the GB 32100-2015 weights, independent of CreditCode.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91440300MA5D12345W")]
    [InlineData("91440101190482311C")]
    [InlineData("124400004558581231")]
    [InlineData("52440300MJL1234565")]
    [InlineData("91440606MA4UJ8K2X3")]
    public void Validate_KnownValidCode_ReturnsNull(string code)
    {
        Assert.Null(CreditCode.Validate(code));
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91440300MA5D12345", 'W')]
    [InlineData("12440000455858123", '1')]
    public void ComputeCheckCharacter_KnownBody_ReturnsExpected(string body, char expected)
    {
        Assert.Equal(expected, CreditCode.ComputeCheckCharacter(body));
    }

    [Fact]
    public void Validate_WrongCheckCharacter_NamesExpected()
    {
        var reason = CreditCode.Validate("91350100M000100Y44");

        Assert.Equal("has check character '4', but the first 17 characters give '3'", reason);
    }

    [Fact]
    public void Validate_Lowercase_NamesLetter()
    {
        var reason = CreditCode.Validate("91350100m000100Y43");

        Assert.Equal("has lowercase letter 'm' at position 9; codes use capitals only", reason);
    }

    [Theory]
    [InlineData("91350100M000100Y4", 17)]
    [InlineData("91350100M000100Y431", 19)]
    public void Validate_WrongLength_NamesLength(string code, int length)
    {
        Assert.Equal($"has {length} characters, not 18", CreditCode.Validate(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_Missing_ReturnsMissing(string? code)
    {
        Assert.Equal("is missing", CreditCode.Validate(code));
    }

    [Fact]
    public void Validate_ExcludedLetter_NamesCharacter()
    {
        // I is not in the alphabet, because it looks like 1.
        var reason = CreditCode.Validate("91350100MI00100Y43");

        Assert.Equal(
            "has character 'I' at position 10, which is not in the GB 32100-2015 alphabet", reason);
    }

    [Fact]
    public void Validate_LetterInDivisionCode_NamesPosition()
    {
        var reason = CreditCode.Validate("913501A0M000100Y43");

        Assert.Equal("has 'A' at position 7, but positions 3 to 8 are a GB/T 2260 division code", reason);
    }

    [Fact]
    public void IsValid_ValidAndInvalid_ReturnsExpected()
    {
        Assert.True(CreditCode.IsValid("91350100M000100Y43"));
        Assert.False(CreditCode.IsValid("91350100M000100Y40"));
    }

    [Fact]
    public void ComputeCheckCharacter_ShortBody_Throws()
    {
        Assert.Throws<ArgumentException>(() => CreditCode.ComputeCheckCharacter("9135"));
    }
}
