using Serverless.Shared.Domain;

namespace Serverless.Shared.Tests.Data;

public sealed class BundledDataValidationTests : IDisposable
{
    private readonly SmallDataSet data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public void Load_SmallDataSet_ReadsEveryFile()
    {
        var loaded = data.Load();

        Assert.Equal(4, loaded.Offices.Count);
        Assert.Equal(2, loaded.Items.Count);
        Assert.Equal(2, loaded.Employers.Count);
        Assert.Equal(2, loaded.Officers.Count);
        Assert.Single(loaded.Plans);
    }

    [Fact]
    public void Load_SmallDataSet_DerivesInspects()
    {
        var inspects = data.Load().Offices.ToDictionary(o => o.Code, o => o.Inspects);

        Assert.False(inspects["440000"]);
        Assert.False(inspects["440100"]);
        Assert.True(inspects["440106"]);
        Assert.True(inspects["441900"]);
    }

    [Fact]
    public void Load_SmallDataSet_ReadsEmployerFields()
    {
        var employer = data.Load().Employers[0];

        Assert.Equal(SmallDataSet.TianheEmployer, employer.CreditCode);
        Assert.Equal("440106", employer.OfficeCode);
        Assert.Equal(120, employer.Headcount);
        Assert.Equal(TargetType.Employer, employer.TargetType);
        Assert.Equal(EmployerSource.GridCollection, employer.Source);
        Assert.Equal(["欠薪投诉"], employer.RiskFlags);
        Assert.Equal(new DateOnly(2026, 3, 2), employer.LastInspectedOn);
    }

    [Fact]
    public void Load_SmallDataSet_ReadsOfficerFields()
    {
        var officer = data.Load().Officers[1];

        Assert.Equal("GD-441900-0001", officer.OfficerId);
        Assert.Equal(new DateOnly(2027, 1, 31), officer.CertificateExpiry);
        Assert.Equal(OfficerStatus.Suspended, officer.Status);
        Assert.Equal(["LS-01"], officer.Qualifications);
        Assert.Empty(officer.Conflicts);
    }

    [Theory]
    [InlineData("440106,天河区,County", "440106,天河区,Town", "offices.csv line 4 tier", "Town")]
    [InlineData("County,440100", "County,440300", "offices.csv line 4 parentCode", "440300")]
    [InlineData("County,440100", "County,440000", "offices.csv line 4 parentCode", "440000")]
    [InlineData("440106,天河区", "44016,天河区", "offices.csv line 4 code", "44016")]
    [InlineData("440106,天河区", "440100,天河区", "offices.csv line 4 code", "440100")]
    [InlineData("rsj-440106@hrss.example", "rsj-440106", "offices.csv line 4 email", "rsj-440106")]
    [InlineData("code,name,tier", "code,title,tier", "offices.csv line 1 header", "code,title,tier,parentCode,email")]
    [InlineData("Province,,rst", "Province,440100,rst", "offices.csv line 2 parentCode", "440100")]
    public void Load_BadOffice_NamesFileLineAndValue(string text, string replacement, string field, string value)
    {
        AssertRejected("offices.csv", text, replacement, field, value);
    }

    [Fact]
    public void Load_CityDistrictsPlaceholder_Rejected()
    {
        data.AppendLine("offices.csv", "440101,市辖区,County,440100,rsj-440101@hrss.example");

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal("offices.csv line 6 name", exception.Field);
        Assert.Equal("市辖区", exception.Value);
    }

    [Theory]
    [InlineData("MA59XK2Q7", "MA59XK2Q8", "employers.csv line 2 creditCode")]
    [InlineData(",440106,", ",440999,", "employers.csv line 2 officeCode")]
    [InlineData(",440106,", ",440100,", "employers.csv line 2 officeCode")]
    [InlineData(",C,120,", ",Z,120,", "employers.csv line 2 industry")]
    [InlineData(",C,120,", ",C,-3,", "employers.csv line 2 headcount")]
    [InlineData(",Employer,", ",Company,", "employers.csv line 2 targetType")]
    [InlineData(",GridCollection,", ",Survey,", "employers.csv line 2 source")]
    [InlineData("2026-03-02", "2026-13-02", "employers.csv line 2 lastInspectedOn")]
    [InlineData(",,Active", ",,Closed", "employers.csv line 3 status")]
    [InlineData("欠薪投诉,", "欠薪投诉;,", "employers.csv line 2 riskFlags")]
    public void Load_BadEmployer_NamesFileLineAndField(string text, string replacement, string field)
    {
        data.Replace("employers.csv", text, replacement);

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal(field, exception.Field);
    }

    [Fact]
    public void Load_BadCheckCharacter_ReportsCodeAndReason()
    {
        var bad = SmallDataSet.TianheEmployer[..17] + (SmallDataSet.TianheEmployer[17] == '0' ? '1' : '0');
        data.Replace("employers.csv", SmallDataSet.TianheEmployer + ",广州市", bad + ",广州市");

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal(bad, exception.Value);
        Assert.Contains("check character", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateEmployer_Rejected()
    {
        var fields = new[]
        {
            "东莞市另一有限公司", "441900", "广东省东莞市人民路9号", "C", "5", "Employer", "GridCollection",
        };
        data.AppendLine("employers.csv", $"{SmallDataSet.DongguanEmployer},{string.Join(',', fields)},,,Active");

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal("employers.csv line 4 creditCode", exception.Field);
        Assert.Equal(SmallDataSet.DongguanEmployer, exception.Value);
    }

    [Fact]
    public void Load_MissingEmployerField_Rejected()
    {
        data.Replace("employers.csv", ",,Active", ",Active");

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal("employers.csv line 3", exception.Field);
    }

    [Fact]
    public void Load_UnclosedQuote_Rejected()
    {
        data.Replace("employers.csv", "东莞市宏信", "东莞市\"宏信");

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.StartsWith("employers.csv line 3", exception.Field, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2028-06-30", "2028-06-31", "officers.csv line 2 certificateExpiry", "2028-06-31")]
    [InlineData("LS-01;LS-16", "LS-01;LS-99", "officers.csv line 2 qualifications", "LS-99")]
    [InlineData(",Suspended,", ",OnLeave,", "officers.csv line 3 status", "OnLeave")]
    [InlineData("gd-441900-0001@hrss.example", "gd-441900-0001", "officers.csv line 3 email", "gd-441900-0001")]
    [InlineData("GD-441900-0001,441900", "GD-441900-0001,441999", "officers.csv line 3 officeCode", "441999")]
    [InlineData("GD-441900-0001", "GD-440106-0001", "officers.csv line 3 officerId", "GD-440106-0001")]
    public void Load_BadOfficer_NamesFileLineAndValue(string text, string replacement, string field, string value)
    {
        AssertRejected("officers.csv", text, replacement, field, value);
    }

    [Fact]
    public void Load_ConflictWithUnknownEmployer_Rejected()
    {
        var unknown = SmallDataSet.TianheEmployer[..8] + "MA59XK2Q6";
        unknown += CreditCode.ComputeCheckCharacter(unknown);
        data.Replace("officers.csv", "," + SmallDataSet.TianheEmployer, "," + unknown);

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal("officers.csv line 2 conflicts", exception.Field);
        Assert.Equal(unknown, exception.Value);
    }

    [Theory]
    [InlineData("\"ratio\": 0.05", "\"ratio\": 1.5", "items.json line 2 ratio")]
    [InlineData("\"ratio\": 0.05", "\"ratio\": 0", "items.json line 2 ratio")]
    [InlineData("\"code\": \"LS-16\"", "\"code\": \"LS-01\"", "items.json line 15 code")]
    [InlineData("\"code\": \"LS-16\"", "\"code\": \"ls 16\"", "items.json line 15 code")]
    [InlineData("\"legalBasis\": \"《劳务派遣暂行规定》\"", "\"legalBasis\": \" \"", "items.json line 15 legalBasis")]
    public void Load_BadItem_NamesFileLineAndField(string text, string replacement, string field)
    {
        data.Replace("items.json", text, replacement);

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal(field, exception.Field);
    }

    [Theory]
    [InlineData("\"targetType\": \"LabourDispatchAgency\"", "\"targetType\": \"Agency\"", "items.json line 20")]
    [InlineData("\"targetType\": \"LabourDispatchAgency\"", "\"targetType\": 1", "items.json line 20")]
    [InlineData("\"version\": 1\n  }\n]", "\"version\": 1,\n    \"extra\": true\n  }\n]", "items.json line 27")]
    [InlineData("\n    \"ratio\": 0.1,", "", "items.json line 26")]
    public void Load_UnreadableItem_NamesFileAndLine(string text, string replacement, string fieldStart)
    {
        data.Replace("items.json", text, replacement);

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.StartsWith(fieldStart + " ", exception.Field, StringComparison.Ordinal);
        Assert.StartsWith("could not be read: ", exception.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", exception.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"officersPerTarget\": 2", "\"officersPerTarget\": 1", "plans.json line 2 officersPerTarget", "1")]
    [InlineData("\"0 9 1 * *\"", "\"every month\"", "plans.json line 2 schedule", "every month")]
    [InlineData("[\"LS-01\"]", "[\"LS-99\"]", "plans.json line 2 itemCodes", "LS-99")]
    [InlineData("[\"440000\"]", "[]", "plans.json line 2 officeCodes", "[]")]
    [InlineData("\"ownerOfficeCode\": \"440000\"", "\"ownerOfficeCode\": \"450000\"",
        "plans.json line 2 ownerOfficeCode", "450000")]
    [InlineData("\"ratio\": 0.05", "\"ratio\": 1.05", "plans.json line 2 targets.ratio", "1.05")]
    [InlineData("\"planId\": \"gd-monthly\"", "\"planId\": \"gd monthly\"", "plans.json line 2 planId", "gd monthly")]
    [InlineData("\"inspectionDays\": 30", "\"inspectionDays\": 0", "plans.json line 2 inspectionDays", "0")]
    public void Load_BadPlan_NamesFileLineAndValue(string text, string replacement, string field, string value)
    {
        AssertRejected("plans.json", text, replacement, field, value);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        File.Delete(Path.Combine(data.Directory, "officers.csv"));

        Assert.Throws<FileNotFoundException>(data.Load);
    }

    private void AssertRejected(string fileName, string text, string replacement, string field, string value)
    {
        data.Replace(fileName, text, replacement);

        var exception = Assert.Throws<ValidationException>(data.Load);

        Assert.Equal(field, exception.Field);
        Assert.Equal(value, exception.Value);
    }
}
