using System.Security.Cryptography;
using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class PoolFileTests
{
    private static readonly PoolEntry[] Entries =
    [
        new("124400004558581231", false),
        new("91350100M000100Y43", true),
    ];

    [Fact]
    public void Format_Entries_OneCodePerLine()
    {
        Assert.Equal("124400004558581231\n91350100M000100Y43\n", PoolFile.Format(Entries));
    }

    [Fact]
    public void ToBytes_Entries_HasNoByteOrderMark()
    {
        var bytes = PoolFile.ToBytes(Entries);

        Assert.Equal((byte)'1', bytes[0]);
        Assert.Equal(38, bytes.Length);
    }

    [Fact]
    public void Sha256Hex_Entries_MatchesHashOfFileBytes()
    {
        // Same as sha256sum of a file holding these two lines: printf '124400004558581231\n91350100M000100Y43\n'.
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(
            "124400004558581231\n91350100M000100Y43\n")));

        Assert.Equal(expected, PoolFile.Sha256Hex(Entries));
    }

    [Fact]
    public void Sha256Hex_Empty_IsHashOfEmptyFile()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", PoolFile.Sha256Hex([]));
    }

    [Fact]
    public void Parse_FormattedText_ReturnsCodes()
    {
        var codes = PoolFile.Parse(PoolFile.Format(Entries));

        Assert.Equal(["124400004558581231", "91350100M000100Y43"], codes);
    }

    [Fact]
    public void Parse_Empty_ReturnsEmpty()
    {
        Assert.Empty(PoolFile.Parse(""));
    }

    [Fact]
    public void Parse_NoFinalNewline_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => PoolFile.Parse("91350100M000100Y43"));

        Assert.Equal("last line", error.Value);
    }

    [Fact]
    public void Parse_CarriageReturn_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => PoolFile.Parse("124400004558581231\r\n91350100M000100Y43\n"));

        Assert.Equal("line 1", error.Value);
    }

    [Fact]
    public void Parse_OutOfOrder_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => PoolFile.Parse("91350100M000100Y43\n124400004558581231\n"));

        Assert.Equal("line 2", error.Value);
    }

    [Fact]
    public void Parse_InvalidCode_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => PoolFile.Parse("91350100M000100Y44\n"));

        Assert.StartsWith("is not a credit code: it has check character '4'", error.Reason, StringComparison.Ordinal);
    }
}
