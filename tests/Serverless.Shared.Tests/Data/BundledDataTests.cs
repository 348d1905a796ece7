using Serverless.Shared.Data;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Tests.Data;

public sealed class BundledDataTests(BundledDataFixture fixture) : IClassFixture<BundledDataFixture>
{
    private static readonly string[] SelfInspectingCities = ["441900", "442000"];

    private BundledData Data => fixture.Data;

    [Fact]
    public void FindDefaultDirectory_InRepository_ReturnsGuangdongFolder()
    {
        var directory = BundledData.FindDefaultDirectory();

        Assert.EndsWith(BundledData.RelativeDirectory, directory, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "offices.csv")));
    }

    [Fact]
    public void Offices_Province_IsGuangdongWithoutParent()
    {
        var province = Assert.Single(Data.Offices, o => o.Tier == OfficeTier.Province);

        Assert.Equal("440000", province.Code);
        Assert.Equal("广东省", province.Name);
        Assert.Null(province.ParentCode);
        Assert.False(province.Inspects);
    }

    [Fact]
    public void Offices_Cities_TwentyOneUnderProvince()
    {
        var cities = Data.Offices.Where(o => o.Tier == OfficeTier.City).ToList();

        Assert.Equal(21, cities.Count);
        Assert.All(cities, c => Assert.Equal("440000", c.ParentCode));
    }

    [Fact]
    public void Offices_Counties_OneHundredTwentyTwo()
    {
        Assert.Equal(122, Data.Offices.Count(o => o.Tier == OfficeTier.County));
    }

    [Fact]
    public void Offices_CountyParent_IsCityWithSamePrefix()
    {
        var tiers = Data.Offices.ToDictionary(o => o.Code, o => o.Tier);

        foreach (var county in Data.Offices.Where(o => o.Tier == OfficeTier.County))
        {
            Assert.NotNull(county.ParentCode);
            Assert.Equal(OfficeTier.City, tiers[county.ParentCode]);
            Assert.Equal(county.Code[..4] + "00", county.ParentCode);
        }
    }

    [Fact]
    public void Offices_DongguanAndZhongshan_InspectWithoutChildren()
    {
        foreach (var code in SelfInspectingCities)
        {
            var city = Assert.Single(Data.Offices, o => o.Code == code);
            Assert.Equal(OfficeTier.City, city.Tier);
            Assert.True(city.Inspects, code);
            Assert.DoesNotContain(Data.Offices, o => o.ParentCode == code);
        }
    }

    [Fact]
    public void Offices_InspectingCities_OnlyDongguanAndZhongshan()
    {
        var inspecting = Data.Offices.Where(o => o.Tier == OfficeTier.City && o.Inspects).Select(o => o.Code);

        Assert.Equal(SelfInspectingCities, inspecting.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Offices_EveryCounty_Inspects()
    {
        Assert.All(Data.Offices.Where(o => o.Tier == OfficeTier.County), c => Assert.True(c.Inspects, c.Code));
    }

    [Fact]
    public void Offices_CityDistrictsPlaceholder_Absent()
    {
        Assert.DoesNotContain(Data.Offices, o => o.Name == "市辖区");
    }

    [Fact]
    public void Offices_Email_OnReservedDomain()
    {
        foreach (var office in Data.Offices)
        {
            var mailbox = office.Tier == OfficeTier.Province ? "rst" : "rsj";
            Assert.Equal($"{mailbox}-{office.Code}@hrss.example", office.Email);
        }
    }

    [Fact]
    public void Items_TwentyVersionOne()
    {
        Assert.Equal(20, Data.Items.Count);
        Assert.All(Data.Items, i => Assert.Equal(1, i.Version));
    }

    [Fact]
    public void Items_EveryTargetType_Covered()
    {
        foreach (var type in Enum.GetValues<TargetType>())
        {
            Assert.Contains(Data.Items, i => i.TargetType == type);
        }
    }

    [Fact]
    public void Items_LegalBasis_NamesGeneralRegulation()
    {
        Assert.All(Data.Items, i => Assert.Contains("《劳动保障监察条例》", i.LegalBasis, StringComparison.Ordinal));
    }

    [Fact]
    public void Employers_CreditCodes_ValidAndUnique()
    {
        Assert.All(Data.Employers, e => Assert.Null(CreditCode.Validate(e.CreditCode)));
        Assert.Equal(Data.Employers.Count, Data.Employers.Select(e => e.CreditCode).Distinct().Count());
    }

    [Fact]
    public void Employers_AtLeastFiftyThousand()
    {
        Assert.True(Data.Employers.Count >= 50_000, $"{Data.Employers.Count} employers");
    }

    [Fact]
    public void Employers_Office_Inspects()
    {
        var inspecting = Data.Offices.Where(o => o.Inspects).Select(o => o.Code).ToHashSet();

        Assert.All(Data.Employers, e => Assert.Contains(e.OfficeCode, inspecting));
    }

    [Fact]
    public void Employers_EveryInspectingOffice_HasEmployers()
    {
        var withEmployers = Data.Employers.Select(e => e.OfficeCode).ToHashSet();

        Assert.All(Data.Offices.Where(o => o.Inspects), o => Assert.Contains(o.Code, withEmployers));
    }

    [Fact]
    public void Officers_AtLeastFifteenHundred()
    {
        Assert.True(Data.Officers.Count >= 1_500, $"{Data.Officers.Count} officers");
    }

    [Fact]
    public void Officers_Office_ExistsAndInspects()
    {
        var inspecting = Data.Offices.Where(o => o.Inspects).Select(o => o.Code).ToHashSet();

        Assert.All(Data.Officers, o => Assert.Contains(o.OfficeCode, inspecting));
    }

    [Fact]
    public void Officers_EveryInspectingOffice_EightEligible()
    {
        // Eligible for the default plan: active, qualified for all its items, certificate valid to the end of
        // the year after the reference date.
        var plan = Assert.Single(Data.Plans);
        var lastDay = new DateOnly(RegistryParameters.Default.ReferenceDate.Year + 1, 12, 31);
        var eligible = Data.Officers
            .Where(o => o.Status == OfficerStatus.Active && o.CertificateExpiry >= lastDay)
            .Where(o => plan.ItemCodes.All(o.Qualifications.Contains))
            .GroupBy(o => o.OfficeCode)
            .ToDictionary(g => g.Key, g => g.Count());

        foreach (var office in Data.Offices.Where(o => o.Inspects))
        {
            var count = eligible.GetValueOrDefault(office.Code);
            Assert.True(count >= 8, $"{office.Code} has {count}");
        }
    }

    [Fact]
    public void Officers_Ids_Unique()
    {
        Assert.Equal(Data.Officers.Count, Data.Officers.Select(o => o.OfficerId).Distinct().Count());
    }

    [Fact]
    public void Plans_Default_MonthlyProvincePlan()
    {
        var plan = Assert.Single(Data.Plans);

        Assert.Equal("gd-monthly", plan.PlanId);
        Assert.Equal("广东省劳动保障监察月度双随机抽查", plan.Name);
        Assert.Equal("440000", plan.OwnerOfficeCode);
        Assert.Equal(["440000"], plan.OfficeCodes);
        Assert.Equal("0 9 1 * *", plan.Schedule);
        Assert.Equal(new TargetRule(0.05m), plan.Targets);
        Assert.Equal(12, plan.ExclusionMonths);
        Assert.Equal(2, plan.OfficersPerTarget);
        Assert.Null(plan.MaxTargetsPerOfficer);
        Assert.Equal(30, plan.InspectionDays);
        Assert.Empty(plan.EntropySources);
    }

    [Fact]
    public void Plans_Default_EveryGeneralItem()
    {
        var plan = Assert.Single(Data.Plans);
        var general = Data.Items.Where(i => i.TargetType == TargetType.Employer).Select(i => i.Code);

        Assert.Equal(general, plan.ItemCodes);
    }
}
