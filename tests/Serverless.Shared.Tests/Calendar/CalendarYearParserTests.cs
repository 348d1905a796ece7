using System.Text;
using Serverless.Shared.Calendar;
using Serverless.Shared.Milestones;

namespace Serverless.Shared.Tests.Calendar;

public sealed class CalendarYearParserTests
{
    // A made-up 2027 for tests, not the State Council's arrangement: 2027-02-06 and 2027-10-09 are Saturdays.
    private const string Valid = """
        {"year": 2027,
         "holidays": {"2027-01-01": "元旦", "2027-02-06": "春节", "2027-10-01": "国庆节"},
         "workdays": {"2027-10-09": "国庆节"}}
        """;

    /// <summary>One file per kind of error, with the field, value and part of the reason that are reported.</summary>
    public static TheoryData<string, string, string?, string> InvalidFiles => new()
    {
        { """{"year": 2028, "holidays": {"2027-01-01": "元旦"}, "workdays": {}}""", "year", "2028", "differs from 2027" },
        {
            """{"year": 2027, "holidays": {"2026-12-31": "元旦"}, "workdays": {}}""",
            "holidays", "2026-12-31", "lies outside 2027"
        },
        {
            """{"year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {"2028-01-08": "元旦"}}""",
            "workdays", "2028-01-08", "lies outside 2027"
        },
        {
            """{"year": 2027, "holidays": {"2027-10-09": "国庆节"}, "workdays": {"2027-10-09": "国庆节"}}""",
            "workdays", "2027-10-09", "also listed in holidays"
        },
        {
            """{"year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {"2027-02-10": "春节"}}""",
            "workdays", "2027-02-10", "is a Wednesday"
        },
        {
            """{"year": 2027, "holidays": {"2027-01-01": "元旦", "2027-01-01": "元旦"}, "workdays": {}}""",
            "holidays", "2027-01-01", "listed twice"
        },
        { """{"year": 2027, "holidays": {"2027-1-1": "元旦"}, "workdays": {}}""", "holidays", "2027-1-1", "yyyy-MM-dd" },
        {
            """{"year": 2027, "holidays": {"2027-02-30": "春节"}, "workdays": {}}""",
            "holidays", "2027-02-30", "yyyy-MM-dd"
        },
        { """{"year": 2027, "holidays": {}, "workdays": {}}""", "holidays", "{}", "is empty" },
        { """{"year": 2027, "holidays": {"2027-01-01": ""}, "workdays": {}}""", "holidays.2027-01-01", "", "is empty" },
        {
            """{"year": 2027, "holidays": {"2027-01-01": 1}, "workdays": {}}""",
            "holidays.2027-01-01", "1", "not a holiday name"
        },
        {
            """{"year": "2027", "holidays": {"2027-01-01": "元旦"}, "workdays": {}}""",
            "year", "2027", "not a whole number"
        },
        {
            """{"year": 1900, "holidays": {"1900-01-01": "元旦"}, "workdays": {}}""",
            "year", "1900", "between 1949 and 9999"
        },
        { """{"holidays": {"2027-01-01": "元旦"}, "workdays": {}}""", "year", null, "is missing" },
        { """{"year": 2027, "holidays": {"2027-01-01": "元旦"}}""", "workdays", null, "is missing" },
        { """{"year": 2027, "holidays": ["2027-01-01"], "workdays": {}}""", "holidays", "[...]", "not an object" },
        {
            """{"year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {}, "inLieuDays": {}}""",
            "inLieuDays", "{...}", "not a field"
        },
        {
            """{"year": 2027, "year": 2027, "holidays": {"2027-01-01": "元旦"}, "workdays": {}}""",
            "year", null, "appears twice"
        },
        { """[2027]""", "body", "[...]", "not a JSON object" },
        { """{"year": 2027,""", "body", null, "not valid JSON" },
    };

    [Fact]
    public void Parse_ValidFile_ReadsEveryDate()
    {
        var year = CalendarYearParser.Parse(Encoding.UTF8.GetBytes(Valid), 2027);

        Assert.Equal(2027, year.Year);
        Assert.Equal(3, year.Holidays.Count);
        Assert.Equal("春节", year.Holidays[new DateOnly(2027, 2, 6)]);
        Assert.Equal("国庆节", Assert.Single(year.Workdays).Value);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Parse_InvalidFile_NamesFieldAndValue(string json, string field, string? value, string reason)
    {
        var invalid = Assert.Throws<InvalidCalendarYearException>(
            () => CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json), 2027));

        var error = Assert.Single(
            invalid.Errors, e => e.Field == field && e.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(value, error.Value);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralErrors_ListsEachOnce()
    {
        const string json = """
            {"year": 2027, "holidays": {"2026-12-31": "元旦", "2027-10-09": "国庆节"},
             "workdays": {"2027-10-09": "国庆节", "2027-02-10": "春节"}}
            """;

        var invalid = Assert.Throws<InvalidCalendarYearException>(
            () => CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(3, invalid.Errors.Count);
        Assert.Equal(["holidays", "workdays", "workdays"], invalid.Errors.Select(e => e.Field));
        Assert.Equal(["2026-12-31", "2027-02-10", "2027-10-09"], invalid.Errors.Select(e => e.Value));
        Assert.Contains("3 errors", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("\\udfff")]
    public void Parse_LoneSurrogate_NamesBody(string escaped)
    {
        var json = $$$"""{"year": 2027, "holidays": {"2027-01-01": "{{{escaped}}}"}, "workdays": {}}""";

        var invalid = Assert.Throws<InvalidCalendarYearException>(
            () => CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json)));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("not valid Unicode", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LoneSurrogateDate_NamesBody()
    {
        const string json = """{"year": 2027, "holidays": {"\ud800": "元旦"}, "workdays": {}}""";

        var invalid = Assert.Throws<InvalidCalendarYearException>(
            () => CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("body", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void Parse_InvalidUtf8_NamesBody()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"year": 2027, "holidays": {"2027-01-01": "X"}, "workdays": {}}""");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var invalid = Assert.Throws<InvalidCalendarYearException>(() => CalendarYearParser.Parse(bytes));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("body", error.Field);
        Assert.Contains("not valid UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Valid)).ToArray();

        var year = CalendarYearParser.Parse(bytes, 2027);

        Assert.Equal(3, year.Holidays.Count);
    }

    [Fact]
    public void Parse_NameTooLong_IsRejected()
    {
        var name = new string('节', CalendarYearParser.MaxNameLength + 1);
        var json = $$$"""{"year": 2027, "holidays": {"2027-01-01": "{{{name}}}"}, "workdays": {}}""";

        var invalid = Assert.Throws<InvalidCalendarYearException>(
            () => CalendarYearParser.Parse(Encoding.UTF8.GetBytes(json)));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("holidays.2027-01-01", error.Field);
        Assert.Contains("65 characters", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_ParsedBack_HasSameHash()
    {
        var year = CalendarYearParser.Parse(Encoding.UTF8.GetBytes(Valid));

        var again = CalendarYearParser.Parse(year.ToJson());

        Assert.Equal(year.ComputeSha256(), again.ComputeSha256());
        Assert.Equal(year.Holidays, again.Holidays);
        Assert.Equal(year.Workdays, again.Workdays);
    }

    [Fact]
    public void Create_FromMaps_AppliesSameChecks()
    {
        var invalid = Assert.Throws<InvalidCalendarYearException>(() => CalendarYearParser.Create(
            2027,
            new Dictionary<string, string> { ["2027-01-01"] = "元旦" },
            new Dictionary<string, string> { ["2027-02-10"] = "春节" },
            "calendarYears[2027]."));

        var error = Assert.Single(invalid.Errors);
        Assert.Equal("calendarYears[2027].workdays", error.Field);
        Assert.Equal("2027-02-10", error.Value);
    }

    [Fact]
    public void BundledYears_EveryFile_PassesTheChecks()
    {
        var years = WorkingDayCalendar.LoadYears(WorkingDayCalendar.FindBundledDirectory());

        Assert.Equal(Enumerable.Range(2004, years.Count), years.Select(y => y.Year));
        Assert.Contains(years, y => y.Year == 2026);
        Assert.All(years, y => Assert.NotEmpty(y.Holidays));
    }
}
