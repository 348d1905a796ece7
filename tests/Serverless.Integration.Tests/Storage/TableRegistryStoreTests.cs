using System.Globalization;
using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableRegistryStoreTests(AzuriteFixture azurite)
{
    private const string Prefix = "registry";

    [Fact]
    public async Task Offices_RoundTrip_KeepsEveryField()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var offices = await context.Registry.ListOfficesAsync();

        Assert.Equal(Offices().OrderBy(office => office.Code, StringComparer.Ordinal), offices);
    }

    [Fact]
    public async Task GetOffice_Stored_ReturnsIt()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var office = await context.Registry.GetOfficeAsync(Nanshan);

        Assert.Equal(Offices()[2], office);
        Assert.Equal("南山区𠀀", office!.Name);
    }

    [Fact]
    public async Task GetOffice_Missing_ReturnsNull()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        Assert.Null(await context.Registry.GetOfficeAsync("440306"));
    }

    [Fact]
    public async Task Offices_NullParent_RoundTripsAsNull()
    {
        var context = CreateContext(azurite, Prefix);
        var province = new Office("440000", "广东省", OfficeTier.Province, null, "gd@hrss.gd.example", false);

        await context.Registry.UpsertOfficesAsync([province]);

        Assert.Null((await context.Registry.GetOfficeAsync("440000"))!.ParentCode);
    }

    [Fact]
    public async Task Officers_RoundTrip_KeepsListsAndText()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var officer = Officer("GD-0101") with
        {
            Name = "陈" + ExtensionB,
            Conflicts = [CreditCodeFor(7)],
        };
        var unqualified = Officer("GD-0102") with { Qualifications = [], Status = OfficerStatus.Suspended };

        await context.Registry.UpsertOfficersAsync([officer, unqualified]);
        var officers = await context.Registry.ListOfficersAsync(Futian);

        Assert.Equal(2, officers.Count);
        AssertOfficer(officer, officers[0]);
        AssertOfficer(unqualified, officers[1]);
    }

    [Fact]
    public async Task Employers_RoundTrip_KeepsEveryField()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var flagged = Employer(1) with
        {
            Name = "O'Brien 深圳" + ExtensionB + "贸易有限公司",
            Address = "",
            Headcount = 0,
            TargetType = TargetType.LabourDispatchAgency,
            Source = EmployerSource.SelfDeclaration,
            RiskFlags = ["欠薪投诉", "工伤;事故"],
            LastInspectedOn = new DateOnly(2025, 3, 2),
            Status = EmployerStatus.Deregistered,
        };
        var plain = Employer(2);

        await context.Registry.UpsertEmployersAsync([flagged, plain]);
        var employers = await context.Registry.ListEmployersAsync(Futian);

        Assert.Equal(2, employers.Count);
        AssertEmployer(flagged, employers.Single(employer => employer.CreditCode == flagged.CreditCode));
        AssertEmployer(plain, employers.Single(employer => employer.CreditCode == plain.CreditCode));
    }

    [Fact]
    public async Task Employers_250InOnePartition_AllWritten()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var employers = Enumerable.Range(1, 250).Select(i => Employer(i)).ToList();

        await context.Registry.UpsertEmployersAsync(employers);
        var stored = await context.Registry.ListEmployersAsync(Futian);

        Assert.Equal(250, stored.Count);
        Assert.Equal(
            employers.Select(employer => employer.CreditCode).Order(StringComparer.Ordinal),
            stored.Select(employer => employer.CreditCode));
    }

    [Fact]
    public async Task Employers_1200WithPagesOf100_ReadsEveryPage()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix, maxPerPage: 100);
        var employers = Enumerable.Range(1, 1200).Select(i => Employer(i)).ToList();

        await context.Registry.UpsertEmployersAsync(employers);
        var stored = await context.Registry.ListEmployersAsync(Futian);

        Assert.Equal(1200, stored.Count);
        Assert.Equal(1200, stored.Select(employer => employer.CreditCode).Distinct().Count());
    }

    [Fact]
    public async Task Employers_OtherOffice_NotListed()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        await context.Registry.UpsertEmployersAsync([Employer(1), Employer(2, Nanshan)]);

        Assert.Equal(CreditCodeFor(2), Assert.Single(await context.Registry.ListEmployersAsync(Nanshan)).CreditCode);
    }

    [Fact]
    public async Task Employers_OneInvalidCreditCode_WritesNothing()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        await context.Registry.UpsertEmployersAsync([Employer(1)]);
        var before = (await context.Registry.ListEmployersAsync(Futian)).Count;
        var batch = Enumerable.Range(10, 150).Select(i => Employer(i)).ToList();
        batch[3] = batch[3] with { CreditCode = "91440300MA5FXXXX1Z" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Registry.UpsertEmployersAsync(batch));
        var after = (await context.Registry.ListEmployersAsync(Futian)).Count;

        Assert.Equal("employers[3].creditCode", error.Field);
        Assert.Equal("91440300MA5FXXXX1Z", error.Value);
        Assert.Equal(1, before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Employers_UnknownOffice_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync([Employer(1, "449999")]));

        Assert.Equal("employers[0].officeCode", error.Field);
        Assert.StartsWith(
            "employers[0].officeCode '449999' is not a known office", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employers_DateBefore1601_WritesNothing()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var employers = new[] { Employer(1), Employer(2) with { LastInspectedOn = new DateOnly(1600, 12, 31) } };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync(employers));

        Assert.Equal("employers[1].lastInspectedOn", error.Field);
        Assert.Empty(await context.Registry.ListEmployersAsync(Futian));
    }

    [Fact]
    public async Task Employers_1601_Accepted()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var employer = Employer(1) with { LastInspectedOn = new DateOnly(1601, 1, 1) };

        await context.Registry.UpsertEmployersAsync([employer]);

        var stored = Assert.Single(await context.Registry.ListEmployersAsync(Futian));
        Assert.Equal(new DateOnly(1601, 1, 1), stored.LastInspectedOn);
    }

    [Fact]
    public async Task Employers_NegativeHeadcount_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync([Employer(1) with { Headcount = -1 }]));

        Assert.Equal("employers[0].headcount", error.Field);
    }

    [Fact]
    public async Task Employers_MissingName_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync([Employer(1), Employer(2) with { Name = " " }]));

        Assert.Equal("employers[1].name", error.Field);
    }

    [Fact]
    public async Task Employers_DuplicateCreditCode_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync([Employer(1), Employer(2), Employer(1, Nanshan)]));

        Assert.Equal("employers[2].creditCode", error.Field);
        Assert.Contains("employers[0]", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employers_AddressOver32K_NamesField()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        var employer = Employer(1) with { Address = new string('路', TableLimits.MaxStringLength + 1) };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertEmployersAsync([employer]));

        Assert.Equal("employers[0].address", error.Field);
        Assert.Empty(await context.Registry.ListEmployersAsync(Futian));
    }

    [Theory]
    [InlineData("GD/0101")]
    [InlineData("GD\\0101")]
    [InlineData("GD#0101")]
    [InlineData("GD?0101")]
    [InlineData("GD\u00010101")]
    [InlineData("GD\u007F0101")]
    [InlineData("GD\u00850101")]
    public async Task Officers_ForbiddenKeyCharacter_Rejects(string officerId)
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertOfficersAsync([Officer("GD-0100"), Officer(officerId)]));

        Assert.Equal("officers[1].officerId", error.Field);
        Assert.Empty(await context.Registry.ListOfficersAsync(Futian));
    }

    [Fact]
    public async Task Officers_UnknownOffice_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertOfficersAsync([Officer("GD-0101", "449999")]));

        Assert.Equal("officers[0].officeCode", error.Field);
    }

    [Fact]
    public async Task Officers_MissingEmail_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertOfficersAsync([Officer("GD-0101") with { Email = "" }]));

        Assert.Equal("officers[0].email", error.Field);
    }

    [Fact]
    public async Task Officers_UndefinedStatus_Rejects()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertOfficersAsync([Officer("GD-0101") with { Status = (OfficerStatus)9 }]));

        Assert.Equal("officers[0].status", error.Field);
    }

    [Fact]
    public async Task Offices_InvalidCode_Rejects()
    {
        var context = CreateContext(azurite, Prefix);
        var office = Offices()[1] with { Code = "44030" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Registry.UpsertOfficesAsync([office]));

        Assert.Equal("offices[0].code", error.Field);
    }

    [Fact]
    public async Task SetLastInspected_KnownEmployers_UpdatesOnlyThem()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        await context.Registry.UpsertEmployersAsync([Employer(1), Employer(2), Employer(3)]);

        await context.Registry.SetLastInspectedAsync(
            Futian, [CreditCodeFor(1), CreditCodeFor(3)], new DateOnly(2026, 6, 1));
        var employers = await context.Registry.ListEmployersAsync(Futian);

        Assert.Equal(new DateOnly(2026, 6, 1), employers.Single(e => e.CreditCode == CreditCodeFor(1)).LastInspectedOn);
        Assert.Null(employers.Single(e => e.CreditCode == CreditCodeFor(2)).LastInspectedOn);
        Assert.Equal(new DateOnly(2026, 6, 1), employers.Single(e => e.CreditCode == CreditCodeFor(3)).LastInspectedOn);
        Assert.Equal("深圳市福田3号电子有限公司", employers.Single(e => e.CreditCode == CreditCodeFor(3)).Name);
    }

    [Fact]
    public async Task SetLastInspected_UnknownEmployer_WritesNothing()
    {
        var context = await CreateContextWithOfficesAsync(azurite, Prefix);
        await context.Registry.UpsertEmployersAsync([Employer(1)]);

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Registry.SetLastInspectedAsync(
            Futian, [CreditCodeFor(1), CreditCodeFor(2)], new DateOnly(2026, 6, 1)));

        Assert.Equal("creditCodes[1]", error.Field);
        Assert.Null(Assert.Single(await context.Registry.ListEmployersAsync(Futian)).LastInspectedOn);
    }

    [Fact]
    public async Task Items_RoundTrip_KeepsDecimalRatio()
    {
        var context = CreateContext(azurite, Prefix);
        var items = new[] { Item("WG-02") with { Ratio = 0.125m, IsKeyItem = false }, Item("LC-01") };

        await context.Registry.UpsertItemsAsync(items);
        var stored = await context.Registry.ListItemsAsync();

        Assert.Equal([items[1], items[0]], stored);
        Assert.Equal("0.050", stored[0].Ratio.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Items_NewVersion_KeepsHistoryAndCity()
    {
        var context = CreateContext(azurite, Prefix);
        var first = Item("LC-01");
        var second = first with { Version = 2, Content = "第二版检查内容" };
        var addition = Item("SZ-01") with { OfficeCode = "440300" };

        await context.Registry.UpsertItemsAsync([first, addition]);
        await context.Registry.UpsertItemsAsync([second]);
        var stored = await context.Registry.ListItemsAsync();
        var history = await context.Registry.ListItemVersionsAsync();

        Assert.Equal([second, addition], stored);
        Assert.Equal([first, second, addition], history);
    }

    [Fact]
    public async Task Items_InvalidCity_Rejects()
    {
        var context = CreateContext(azurite, Prefix);
        var item = Item("SZ-01") with { OfficeCode = "shenzhen" };

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Registry.UpsertItemsAsync([item]));

        Assert.Equal("items[0].officeCode", error.Field);
        Assert.Empty(await context.Registry.ListItemVersionsAsync());
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.01")]
    public async Task Items_RatioOutside0To1_Rejects(string ratio)
    {
        var context = CreateContext(azurite, Prefix);
        var item = Item("LC-01") with { Ratio = decimal.Parse(ratio, CultureInfo.InvariantCulture) };

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Registry.UpsertItemsAsync([item]));

        Assert.Equal("items[0].ratio", error.Field);
    }

    [Fact]
    public async Task Plan_RoundTrip_KeepsEveryField()
    {
        var context = CreateContext(azurite, Prefix);
        var plan = Plan("SZ-2026-Q2") with { MaxTargetsPerOfficer = 3, EntropySources = ["2026-06-01 双色球 03 07 12"] };
        var countPlan = Plan("SZ-2026-Q3") with { Targets = new TargetRule(0m, 12, null) };

        await context.Registry.UpsertPlanAsync(plan);
        await context.Registry.UpsertPlanAsync(countPlan);
        var stored = await context.Registry.GetPlanAsync("SZ-2026-Q2");
        var plans = await context.Registry.ListPlansAsync();

        AssertPlan(plan, stored!);
        Assert.Equal(2, plans.Count);
        AssertPlan(countPlan, plans[1]);
    }

    [Fact]
    public async Task GetPlan_Missing_ReturnsNull()
    {
        var context = CreateContext(azurite, Prefix);

        Assert.Null(await context.Registry.GetPlanAsync("SZ-2026-Q4"));
    }

    [Theory]
    [InlineData("30 9 1 3,6,9,12", "plan.schedule")]
    [InlineData("61 9 * * *", "plan.schedule")]
    public async Task Plan_InvalidSchedule_Rejects(string schedule, string field)
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan("SZ-2026-Q2") with { Schedule = schedule }));

        Assert.Equal(field, error.Field);
        Assert.Null(await context.Registry.GetPlanAsync("SZ-2026-Q2"));
    }

    [Fact]
    public async Task Plan_OneOfficerPerTarget_Rejects()
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan("SZ-2026-Q2") with { OfficersPerTarget = 1 }));

        Assert.Equal("plan.officersPerTarget", error.Field);
    }

    [Fact]
    public async Task Plan_NegativeExclusionMonths_Rejects()
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan("SZ-2026-Q2") with { ExclusionMonths = -1 }));

        Assert.Equal("plan.exclusionMonths", error.Field);
    }

    [Fact]
    public async Task Plan_ZeroInspectionDays_Rejects()
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan("SZ-2026-Q2") with { InspectionDays = 0 }));

        Assert.Equal("plan.inspectionDays", error.Field);
    }

    [Fact]
    public async Task Plan_RatioAbove1_Rejects()
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan("SZ-2026-Q2") with { Targets = new TargetRule(1.5m) }));

        Assert.Equal("plan.targets.ratio", error.Field);
    }

    [Theory]
    [InlineData("SZ/2026")]
    [InlineData("SZ 2026")]
    [InlineData("")]
    public async Task Plan_InvalidPlanId_Rejects(string planId)
    {
        var context = CreateContext(azurite, Prefix);

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Registry.UpsertPlanAsync(Plan(planId)));

        Assert.Equal("plan.planId", error.Field);
    }

    private static void AssertOfficer(Officer expected, Officer actual)
    {
        Assert.Equal(expected.OfficerId, actual.OfficerId);
        Assert.Equal(expected.OfficeCode, actual.OfficeCode);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.CertificateNumber, actual.CertificateNumber);
        Assert.Equal(expected.CertificateExpiry, actual.CertificateExpiry);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Qualifications, actual.Qualifications);
        Assert.Equal(expected.Email, actual.Email);
        Assert.Equal(expected.Conflicts, actual.Conflicts);
    }

    private static void AssertEmployer(Employer expected, Employer actual)
    {
        Assert.Equal(expected.CreditCode, actual.CreditCode);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.OfficeCode, actual.OfficeCode);
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(expected.Industry, actual.Industry);
        Assert.Equal(expected.Headcount, actual.Headcount);
        Assert.Equal(expected.TargetType, actual.TargetType);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.RiskFlags, actual.RiskFlags);
        Assert.Equal(expected.LastInspectedOn, actual.LastInspectedOn);
        Assert.Equal(expected.Status, actual.Status);
    }

    private static void AssertPlan(DrawPlan expected, DrawPlan actual)
    {
        Assert.Equal(expected.PlanId, actual.PlanId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.OwnerOfficeCode, actual.OwnerOfficeCode);
        Assert.Equal(expected.OfficeCodes, actual.OfficeCodes);
        Assert.Equal(expected.ItemCodes, actual.ItemCodes);
        Assert.Equal(expected.Schedule, actual.Schedule);
        Assert.Equal(expected.Targets, actual.Targets);
        Assert.Equal(expected.ExclusionMonths, actual.ExclusionMonths);
        Assert.Equal(expected.OfficersPerTarget, actual.OfficersPerTarget);
        Assert.Equal(expected.MaxTargetsPerOfficer, actual.MaxTargetsPerOfficer);
        Assert.Equal(expected.InspectionDays, actual.InspectionDays);
        Assert.Equal(expected.EntropySources, actual.EntropySources);
    }
}
