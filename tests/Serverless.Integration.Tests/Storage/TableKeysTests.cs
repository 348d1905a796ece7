using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("GD-0101")]
    [InlineData("91440300MA5FXXXX1Y")]
    [InlineData("d'2026 Q2")]
    [InlineData("南山区𠀀")]
    [InlineData("\u00A0no-break space")]
    public void Validate_AllowedKey_ReturnsNull(string key)
    {
        Assert.Null(TableKeys.Validate(key));
    }

    [Theory]
    [InlineData("a/b", '/')]
    [InlineData("a\\b", '\\')]
    [InlineData("a#b", '#')]
    [InlineData("a?b", '?')]
    public void Validate_ForbiddenCharacter_NamesIt(string key, char forbidden)
    {
        var reason = TableKeys.Validate(key);

        Assert.NotNull(reason);
        Assert.Contains($"'{forbidden}' at position 2", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u0000', "U+0000")]
    [InlineData('\t', "U+0009")]
    [InlineData('\u001F', "U+001F")]
    [InlineData('\u007F', "U+007F")]
    [InlineData('\u0085', "U+0085")]
    [InlineData('\u009F', "U+009F")]
    public void Validate_ControlCharacter_NamesCodePoint(char control, string codePoint)
    {
        var reason = TableKeys.Validate("ab" + control);

        Assert.NotNull(reason);
        Assert.Contains($"{codePoint} at position 3", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_512Characters_ReturnsNull()
    {
        Assert.Null(TableKeys.Validate(new string('k', 512)));
    }

    [Fact]
    public void Validate_513Characters_RejectsSize()
    {
        var reason = TableKeys.Validate(new string('k', 513));

        Assert.NotNull(reason);
        Assert.Contains("1026 bytes", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Empty_Rejects()
    {
        Assert.Equal("is empty", TableKeys.Validate(""));
    }

    [Fact]
    public void Validate_Null_Rejects()
    {
        Assert.Equal("is missing", TableKeys.Validate(null));
    }

    [Fact]
    public void ThrowIfInvalid_ForbiddenCharacter_NamesField()
    {
        var error = Assert.Throws<ValidationException>(
            () => TableKeys.ThrowIfInvalid("officers[2].officerId", "GD/01"));

        Assert.Equal("officers[2].officerId", error.Field);
        Assert.Equal("GD/01", error.Value);
    }

    [Fact]
    public void ThrowIfInvalidKeyPart_Separator_Rejects()
    {
        var error = Assert.Throws<ValidationException>(() => TableKeys.ThrowIfInvalidKeyPart("drawId", "a|b"));

        Assert.Equal("drawId", error.Field);
        Assert.Contains("'|' at position 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_TwoParts_SeparatesWithBar()
    {
        Assert.Equal("draw-1|GD-0101", TableKeys.Join("draw-1", "GD-0101"));
    }
}
