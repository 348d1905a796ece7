using System.Text;
using Serverless.Shared.Data;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Tests.Data;

public sealed class RegistryGeneratorTests(BundledDataFixture fixture) : IClassFixture<BundledDataFixture>
{
    private static readonly DateOnly ReferenceDate = RegistryParameters.Default.ReferenceDate;

    [Fact]
    public void Generate_DefaultParameters_EqualsCommittedEmployersFile()
    {
        var registry = Generate();

        var committed = File.ReadAllBytes(Path.Combine(fixture.Directory, EmployerFile.FileName));

        // Decoding with GetString keeps a byte order mark, so equal strings mean equal bytes.
        Assert.Equal(Encoding.UTF8.GetString(committed), EmployerFile.Format(registry.Employers));
    }

    [Fact]
    public void Generate_DefaultParameters_EqualsCommittedOfficersFile()
    {
        var registry = Generate();

        var committed = File.ReadAllBytes(Path.Combine(fixture.Directory, OfficerFile.FileName));

        Assert.Equal(Encoding.UTF8.GetString(committed), OfficerFile.Format(registry.Officers));
    }

    [Fact]
    public void Generate_SameParameters_SameOutput()
    {
        var parameters = RegistryParameters.Default with { EmployerCount = 2_000, OfficerCount = 1_300 };

        var first = RegistryGenerator.Generate(fixture.Data.Offices, fixture.Data.Items, parameters);
        var second = RegistryGenerator.Generate(fixture.Data.Offices, fixture.Data.Items, parameters);

        Assert.Equal(EmployerFile.Format(first.Employers), EmployerFile.Format(second.Employers));
        Assert.Equal(OfficerFile.Format(first.Officers), OfficerFile.Format(second.Officers));
    }

    [Fact]
    public void Generate_OtherSeed_OtherEmployers()
    {
        var parameters = RegistryParameters.Default with { EmployerCount = 2_000, OfficerCount = 1_300 };

        var first = RegistryGenerator.Generate(fixture.Data.Offices, fixture.Data.Items, parameters);
        var second = RegistryGenerator.Generate(
            fixture.Data.Offices, fixture.Data.Items, parameters with { Seed = parameters.Seed + 1 });

        Assert.NotEqual(EmployerFile.Format(first.Employers), EmployerFile.Format(second.Employers));
    }

    [Fact]
    public void Generate_TooFewOfficers_Throws()
    {
        var parameters = RegistryParameters.Default with { OfficerCount = 100 };

        var exception = Assert.Throws<ValidationException>(
            () => RegistryGenerator.Generate(fixture.Data.Offices, fixture.Data.Items, parameters));

        Assert.Equal("parameters.officerCount", exception.Field);
        Assert.Equal("100", exception.Value);
    }

    [Fact]
    public void Generate_DefaultParameters_ExactCounts()
    {
        var registry = Generate();

        Assert.Equal(50_000, registry.Employers.Count);
        Assert.Equal(1_600, registry.Officers.Count);
    }

    [Fact]
    public void Employers_CreditCode_CarriesOfficeDivision()
    {
        var mismatched = fixture.Data.Employers.Where(e => e.CreditCode[2..8] != e.OfficeCode).ToList();

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Employers_CreditCode_RegistrationPrefixFitsTargetType()
    {
        var mismatched = fixture.Data.Employers
            .Where(e => e.CreditCode[..2] != (e.TargetType == TargetType.VocationalTrainingInstitution ? "52" : "91"))
            .ToList();

        Assert.Empty(mismatched);
    }

    [Fact]
    public void Employers_Names_Unique()
    {
        var duplicates = fixture.Data.Employers.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Employers_Address_InOwnCity()
    {
        var offices = fixture.Data.Offices.ToDictionary(o => o.Code);
        var outside = fixture.Data.Employers
            .Where(e =>
            {
                var city = offices[OfficeQuotas.CityOf(offices[e.OfficeCode])];
                return !e.Address.StartsWith("广东省" + city.Name, StringComparison.Ordinal);
            })
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Employers_RiskFlagged_AboutThreePercent()
    {
        var share = Share(fixture.Data.Employers, e => e.RiskFlags.Count > 0);

        Assert.InRange(share, 0.025, 0.035);
    }

    [Fact]
    public void Employers_RecentlyInspected_AboutTwentyPercent()
    {
        var share = Share(fixture.Data.Employers, e => e.LastInspectedOn is not null);

        Assert.InRange(share, 0.18, 0.22);
    }

    [Fact]
    public void Employers_LastInspectedOn_WithinTwoYears()
    {
        var dates = fixture.Data.Employers.Select(e => e.LastInspectedOn).OfType<DateOnly>().ToList();

        Assert.True(dates.Min() >= ReferenceDate.AddYears(-2), $"earliest {dates.Min()}");
        Assert.True(dates.Max() < ReferenceDate, $"latest {dates.Max()}");
    }

    [Fact]
    public void Employers_TargetType_MostlyEmployer()
    {
        var share = Share(fixture.Data.Employers, e => e.TargetType == TargetType.Employer);

        Assert.InRange(share, 0.90, 0.96);
        foreach (var type in Enum.GetValues<TargetType>())
        {
            Assert.Contains(fixture.Data.Employers, e => e.TargetType == type);
        }
    }

    [Fact]
    public void Employers_EverySource_Present()
    {
        foreach (var source in Enum.GetValues<EmployerSource>())
        {
            Assert.Contains(fixture.Data.Employers, e => e.Source == source);
        }
    }

    [Fact]
    public void Employers_Status_AllActive()
    {
        Assert.All(fixture.Data.Employers, e => Assert.Equal(EmployerStatus.Active, e.Status));
    }

    [Fact]
    public void Employers_BigCities_MoreThanSmallCities()
    {
        var offices = fixture.Data.Offices.ToDictionary(o => o.Code);
        var perCity = fixture.Data.Employers
            .GroupBy(e => OfficeQuotas.CityOf(offices[e.OfficeCode]))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.True(perCity["440300"] > 10 * perCity["445300"], "Shenzhen against Yunfu");
        Assert.True(perCity["440100"] > 10 * perCity["441500"], "Guangzhou against Shanwei");
    }

    [Fact]
    public void Officers_Id_FollowsOfficeAndSequence()
    {
        var malformed = fixture.Data.Officers
            .Where(o => !System.Text.RegularExpressions.Regex.IsMatch(o.OfficerId, $"^GD-{o.OfficeCode}-[0-9]{{4}}$"))
            .ToList();

        Assert.Empty(malformed);
    }

    [Fact]
    public void Officers_CertificateNumber_FollowsOfficeAndSequence()
    {
        var malformed = fixture.Data.Officers
            .Where(o => o.CertificateNumber != $"粤执法{o.OfficeCode}{o.OfficerId[^4..].PadLeft(5, '0')}")
            .ToList();

        Assert.Empty(malformed);
    }

    [Fact]
    public void Officers_Email_OnReservedDomain()
    {
        Assert.All(fixture.Data.Officers, o => Assert.EndsWith(".example", o.Email, StringComparison.Ordinal));
    }

    [Fact]
    public void Officers_Exceptions_ExactShares()
    {
        var officers = fixture.Data.Officers;

        Assert.Equal(48, officers.Count(o => o.CertificateExpiry < ReferenceDate));
        Assert.Equal(32, officers.Count(o => o.Status == OfficerStatus.Suspended));
        Assert.Equal(16, officers.Count(o => o.Status == OfficerStatus.Retired));
        Assert.Equal(32, officers.Count(o => o.Conflicts.Count > 0));
    }

    [Fact]
    public void Officers_ValidCertificates_ExpireFrom2027To2030()
    {
        var valid = fixture.Data.Officers.Where(o => o.CertificateExpiry >= ReferenceDate).ToList();

        Assert.All(valid, o => Assert.InRange(o.CertificateExpiry.Year, 2027, 2030));
    }

    [Fact]
    public void Officers_SomeLackSpecialisedItem()
    {
        var specialised = fixture.Data.Items
            .Where(i => i.TargetType != TargetType.Employer)
            .Select(i => i.Code)
            .ToList();

        var lacking = fixture.Data.Officers.Count(o => specialised.Except(o.Qualifications).Any());

        Assert.InRange(lacking, 1, fixture.Data.Officers.Count / 2);
    }

    [Fact]
    public void Officers_Conflicts_WithEmployersOfOwnOffice()
    {
        var employerOffices = fixture.Data.Employers.ToDictionary(e => e.CreditCode, e => e.OfficeCode);

        var foreign = fixture.Data.Officers
            .SelectMany(o => o.Conflicts.Select(c => (Officer: o.OfficeCode, Employer: employerOffices[c])))
            .Where(pair => pair.Officer != pair.Employer)
            .ToList();

        Assert.Empty(foreign);
    }

    [Fact]
    public void Officers_BigOffices_MoreOfficers()
    {
        var perOffice = fixture.Data.Officers.GroupBy(o => o.OfficeCode).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(perOffice["441900"] > perOffice["445302"], "Dongguan against Yuncheng district");
    }

    private GeneratedRegistry Generate() =>
        RegistryGenerator.Generate(fixture.Data.Offices, fixture.Data.Items, RegistryParameters.Default);

    private static double Share<T>(IReadOnlyCollection<T> entries, Func<T, bool> predicate) =>
        (double)entries.Count(predicate) / entries.Count;
}
