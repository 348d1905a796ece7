using System.Globalization;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Shared.Tests.Registry;

public sealed class EmployerLayoutTests
{
    private static readonly ImportScope Scope = new(
        new OfficeTree(
        [
            new Office("440000", "广东省", OfficeTier.Province, null, "gd@hrss.example", false),
            new Office("440300", "深圳市", OfficeTier.City, "440000", "sz@hrss.example", false),
            new Office("440304", "福田区", OfficeTier.County, "440300", "ft@hrss.example", true),
        ]),
        new Office("440304", "福田区", OfficeTier.County, "440300", "ft@hrss.example", true),
        new HashSet<string>(),
        new DateOnly(2026, 12, 4));

    [Fact]
    public void Parse_ValidRow_ReturnsEntity()
    {
        var (entity, errors) = Parse(Code(1), "福田电子有限公司", "440304", "深南大道1号", "C", "12", "", "网格采集", "");

        Assert.Empty(errors);
        Assert.Equal(("440304", Code(1)), (entity!.PartitionKey, entity.RowKey));
        Assert.Equal("GridCollection", entity.GetString("Source"));
        Assert.Equal("Active", entity.GetString("Status"));
    }

    [Fact]
    public void Parse_SeveralBadCells_ReportsEach()
    {
        var (entity, errors) = Parse(Code(1), "", "440304", "", "Z", "-1", "Shop", "Market", "Closed");

        Assert.Null(entity);
        Assert.Equal(
            ["name", "industry", "headcount", "targetType", "source", "status"],
            errors.Select(error => error.Column));
    }

    [Fact]
    public void Parse_LowercaseCode_ExplainsCapitals()
    {
        var (_, errors) = Parse(Code(1).ToLowerInvariant(), "福田电子有限公司", "440304", "", "C", "1", "", "CaseHandling", "");

        Assert.Contains("capitals", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NameTooLong_Rejected()
    {
        var (_, errors) = Parse(Code(1), new string('名', 201), "440304", "", "C", "1", "", "CaseHandling", "");

        Assert.Equal("has 201 characters, more than 200", Assert.Single(errors).Reason);
    }

    [Fact]
    public void Parse_CityOffice_RejectsNonInspecting()
    {
        var (_, errors) = Parse(Code(1), "福田电子有限公司", "440300", "", "C", "1", "", "CaseHandling", "");

        Assert.Contains("outside the jurisdiction", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    private static string Code(int number)
    {
        var body = "91440304" + number.ToString("D9", CultureInfo.InvariantCulture);
        return body + CreditCode.ComputeCheckCharacter(body);
    }

    private static (Azure.Data.Tables.TableEntity? Entity, List<RowError> Errors) Parse(params string[] values)
    {
        var layout = EmployerLayout.Instance;
        var columns = layout.Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        var errors = new List<RowError>();
        var entity = layout.Parse(new CellReader(columns, new TabularRow(2, values), errors.Add), Scope);
        return (entity, errors);
    }
}
