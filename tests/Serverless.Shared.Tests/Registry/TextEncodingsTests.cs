using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Shared.Tests.Registry;

public sealed class TextEncodingsTests
{
    private const string Chinese = "creditCode,name\n91440304000000001X,深圳市福田电子有限公司\n";

    [Fact]
    public void Detect_Utf8Text_ReturnsUtf8()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Chinese));

        Assert.Same(TextEncodings.Utf8, TextEncodings.Detect(stream));
    }

    [Fact]
    public void Detect_Gb18030Text_ReturnsGb18030()
    {
        using var stream = new MemoryStream(TextEncodings.Gb18030.GetBytes(Chinese));

        Assert.Same(TextEncodings.Gb18030, TextEncodings.Detect(stream));
    }

    [Fact]
    public void Detect_AnyText_LeavesStreamAtStart()
    {
        using var stream = new MemoryStream(TextEncodings.Gb18030.GetBytes(Chinese));

        TextEncodings.Detect(stream);

        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void Detect_Utf8CutInsideCharacter_ReturnsUtf8()
    {
        // 深 is three bytes in UTF-8; the sample ends after its first byte.
        var bytes = Encoding.UTF8.GetBytes(new string('a', TextEncodings.SniffBytes - 1) + "深圳");
        using var stream = new MemoryStream(bytes);

        Assert.Same(TextEncodings.Utf8, TextEncodings.Detect(stream));
    }

    [Fact]
    public void Gb18030_RoundTrip_KeepsExtensionB()
    {
        const string text = "陈𠀀";

        Assert.Equal(text, TextEncodings.Gb18030.GetString(TextEncodings.Gb18030.GetBytes(text)));
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("GB18030", "GB18030")]
    public void Parse_KnownName_ReturnsEncoding(string name, string webName)
    {
        Assert.Equal(webName, TextEncodings.Parse(name)!.WebName, ignoreCase: true);
    }

    [Fact]
    public void Parse_Auto_ReturnsNull()
    {
        Assert.Null(TextEncodings.Parse("auto"));
    }

    [Fact]
    public void Parse_UnknownName_NamesField()
    {
        var exception = Assert.Throws<ValidationException>(() => TextEncodings.Parse("latin1"));

        Assert.Equal("encoding", exception.Field);
    }
}
