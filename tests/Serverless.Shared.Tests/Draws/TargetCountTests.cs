using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class TargetCountTests
{
    [Theory]
    [InlineData(101, "0.05", 6)]
    [InlineData(100, "0.05", 5)]
    [InlineData(1, "0.01", 1)]
    [InlineData(0, "0.05", 0)]
    [InlineData(37, "0", 0)]
    [InlineData(37, "1", 37)]
    [InlineData(3, "0.3333333333333333333333333333", 1)]
    public void FromRule_Ratio_RoundsUp(int poolSize, string ratio, int expected)
    {
        var rule = new TargetRule(decimal.Parse(ratio, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, TargetCount.FromRule(poolSize, rule));
    }

    [Fact]
    public void FromRule_Count_IgnoresRatio()
    {
        Assert.Equal(7, TargetCount.FromRule(50, new TargetRule(Ratio: 0.5m, Count: 7)));
    }

    [Fact]
    public void FromRule_CountEqualsPool_Returns()
    {
        Assert.Equal(50, TargetCount.FromRule(50, new TargetRule(Count: 50)));
    }

    [Fact]
    public void FromRule_RatioAboveOne_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => TargetCount.FromRule(10, new TargetRule(1.5m)));

        Assert.Equal("targets.ratio '1.5' must be between 0 and 1.", error.Message);
    }

    [Fact]
    public void FromRule_NegativeRatio_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => TargetCount.FromRule(10, new TargetRule(-0.1m)));

        Assert.Equal("targets.ratio '-0.1' must be between 0 and 1.", error.Message);
    }

    [Fact]
    public void FromRule_NegativeCount_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => TargetCount.FromRule(10, new TargetRule(Count: -1)));

        Assert.Equal("targets.count '-1' must not be negative.", error.Message);
    }

    [Fact]
    public void FromRule_CountAbovePool_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => TargetCount.FromRule(10, new TargetRule(Count: 11)));

        Assert.Equal("targets.count '11' is larger than the pool of 10 employers.", error.Message);
    }

    [Fact]
    public void FromRatio_Invalid_NamesGivenField()
    {
        var error = Assert.Throws<ValidationException>(
            () => TargetCount.FromRatio(10, 2m, "targets.riskRatio"));

        Assert.Equal("targets.riskRatio", error.Field);
    }
}
