using Serverless.Shared.Registry;

namespace Serverless.Shared.Tests.Registry;

public sealed class RowErrorCsvTests
{
    [Fact]
    public void Format_Errors_WritesHeaderAndQuotedLines()
    {
        var text = RowErrorCsv.Format(
        [
            new RowError(4, "creditCode", "91440304000000001X", "has check character 'X', but the first 17 give '3'"),
            new RowError(7, "name", "", "is missing"),
        ]);

        Assert.Equal(
            "row,column,value,reason\r\n" +
            "4,creditCode,91440304000000001X,\"has check character 'X', but the first 17 give '3'\"\r\n" +
            "7,name,,is missing\r\n",
            text);
    }
}
