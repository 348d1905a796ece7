using System.Text;
using MiniExcelLibs;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Shared.Tests.Registry;

public sealed class TabularReaderTests
{
    [Fact]
    public void Csv_ShortRow_PadsToHeaderWidth()
    {
        using var reader = OpenCsv("a,b,c\n1,2\n");

        var row = Assert.Single(reader.ReadRows());

        Assert.Equal(["1", "2", ""], row.Values);
    }

    [Fact]
    public void Csv_Rows_NumberedFromHeader()
    {
        using var reader = OpenCsv("a,b\n1,2\n\n3,4\n");

        Assert.Equal([2L, 4], reader.ReadRows().Select(row => row.Number));
    }

    [Fact]
    public void Csv_ByteOrderMark_NotInFirstColumn()
    {
        using var reader = OpenCsv("\uFEFFa,b\n1,2\n");

        Assert.Equal(["a", "b"], reader.Header);
    }

    [Fact]
    public void Csv_QuotedComma_OneCell()
    {
        using var reader = OpenCsv("a,b\n\"深圳,福田\",2\n");

        Assert.Equal("深圳,福田", reader.ReadRows().Single().Values[0]);
    }

    [Fact]
    public void Csv_Empty_RejectsHeader()
    {
        var exception = Assert.Throws<ValidationException>(() => OpenCsv(""));

        Assert.Equal("header", exception.Field);
    }

    [Fact]
    public void Xlsx_NumbersAndDates_FormattedInvariant()
    {
        var rows = new[]
        {
            new Dictionary<string, object> { ["id"] = "A-1", ["count"] = 42, ["expiry"] = new DateTime(2029, 6, 30) },
        };
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: true, excelType: ExcelType.XLSX);
        stream.Position = 0;
        using var reader = TabularReader.Open(stream, TabularFormat.Xlsx);

        var row = Assert.Single(reader.ReadRows());

        Assert.Equal(["id", "count", "expiry"], reader.Header);
        Assert.Equal(["A-1", "42", "2029-06-30"], row.Values);
        Assert.Equal(2, row.Number);
    }

    [Theory]
    [InlineData("employers.CSV", TabularFormat.Csv)]
    [InlineData("名录.xlsx", TabularFormat.Xlsx)]
    public void FormatOf_Extension_ReturnsFormat(string fileName, TabularFormat expected)
    {
        Assert.Equal(expected, TabularReader.FormatOf(fileName));
    }

    [Fact]
    public void FormatOf_OtherExtension_Rejected()
    {
        Assert.Throws<ValidationException>(() => TabularReader.FormatOf("employers.xls"));
    }

    private static TabularReader OpenCsv(string text) =>
        TabularReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), TabularFormat.Csv);
}
