using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class PoolBuilderTests
{
    private static readonly DateOnly DrawDate = new(2026, 6, 15);

    private static readonly InspectionItem LabourContracts = Item("LS-01", TargetType.Employer);

    private static InspectionItem Item(string code, TargetType targetType) =>
        new(code, "劳动合同", "签订书面劳动合同", "劳动合同法第十条", targetType, true, "书面审查", 0.05m, "每年一次",
            OfficeTier.County, 1);

    private static Employer Employer(
        int number,
        TargetType targetType = TargetType.Employer,
        EmployerStatus status = EmployerStatus.Active,
        DateOnly? lastInspectedOn = null,
        string[]? riskFlags = null,
        string officeCode = "440305") =>
        new(DrawTestData.Code(number), $"单位{number}", officeCode, "深圳市南山区", "C", 50, targetType,
            EmployerSource.GridCollection, riskFlags ?? [], lastInspectedOn, status);

    [Fact]
    public void Build_Employers_SortsByCreditCode()
    {
        var result = PoolBuilder.Build([Employer(3), Employer(1), Employer(2)], [LabourContracts], DrawDate, 12);

        Assert.Equal([DrawTestData.Code(1), DrawTestData.Code(2), DrawTestData.Code(3)],
            result.Pool.Select(entry => entry.CreditCode));
    }

    [Fact]
    public void Build_Deregistered_Excluded()
    {
        var result = PoolBuilder.Build(
            [Employer(1), Employer(2, status: EmployerStatus.Deregistered)], [LabourContracts], DrawDate, 12);

        Assert.Equal([DrawTestData.Code(1)], result.Pool.Select(entry => entry.CreditCode));
        Assert.Equal(
            [new PoolExclusion(DrawTestData.Code(2), "registry status is Deregistered")], result.Exclusions);
    }

    [Fact]
    public void Build_SpecificItem_MatchesOnlyThatType()
    {
        var item = Item("LS-07", TargetType.LabourDispatchAgency);

        var result = PoolBuilder.Build(
            [Employer(1), Employer(2, TargetType.LabourDispatchAgency)], [item], DrawDate, 12);

        Assert.Equal([DrawTestData.Code(2)], result.Pool.Select(entry => entry.CreditCode));
        Assert.Equal(
            "no item of the plan applies to target type Employer", Assert.Single(result.Exclusions).Reason);
    }

    [Fact]
    public void Build_EmployerItem_MatchesEveryType()
    {
        var result = PoolBuilder.Build(
            [Employer(1, TargetType.VocationalTrainingInstitution), Employer(2, TargetType.LabourDispatchAgency)],
            [Item("LS-07", TargetType.LabourDispatchAgency), LabourContracts],
            DrawDate,
            12);

        Assert.Equal(2, result.Pool.Count);
        Assert.Empty(result.Exclusions);
    }

    [Fact]
    public void Build_InspectedDayAfterWindowStart_Excluded()
    {
        var result = PoolBuilder.Build(
            [Employer(1, lastInspectedOn: new DateOnly(2025, 6, 16))], [LabourContracts], DrawDate, 12);

        Assert.Empty(result.Pool);
        Assert.Equal("inspected on 2025-06-16, within 12 months", Assert.Single(result.Exclusions).Reason);
    }

    [Fact]
    public void Build_InspectedExactlyWindowEarlier_Eligible()
    {
        var result = PoolBuilder.Build(
            [Employer(1, lastInspectedOn: new DateOnly(2025, 6, 15))], [LabourContracts], DrawDate, 12);

        Assert.Single(result.Pool);
        Assert.Empty(result.Exclusions);
    }

    [Fact]
    public void Build_InspectedOnDrawDate_Excluded()
    {
        var result = PoolBuilder.Build([Employer(1, lastInspectedOn: DrawDate)], [LabourContracts], DrawDate, 12);

        Assert.Empty(result.Pool);
    }

    [Fact]
    public void Build_MonthEnd_ClampsWindowStart()
    {
        var drawDate = new DateOnly(2026, 3, 31);

        var result = PoolBuilder.Build(
            [
                Employer(1, lastInspectedOn: new DateOnly(2026, 2, 28)),
                Employer(2, lastInspectedOn: new DateOnly(2026, 3, 1)),
            ],
            [LabourContracts],
            drawDate,
            1);

        Assert.Equal([DrawTestData.Code(1)], result.Pool.Select(entry => entry.CreditCode));
    }

    [Fact]
    public void Build_RecentButRiskFlagged_InPoolFlagged()
    {
        var result = PoolBuilder.Build(
            [Employer(1, lastInspectedOn: DrawDate.AddDays(-10), riskFlags: ["欠薪投诉"])],
            [LabourContracts],
            DrawDate,
            12);

        Assert.Equal([new PoolEntry(DrawTestData.Code(1), true)], result.Pool);
    }

    [Fact]
    public void Build_ZeroMonths_ExcludesNobody()
    {
        var result = PoolBuilder.Build([Employer(1, lastInspectedOn: DrawDate)], [LabourContracts], DrawDate, 0);

        Assert.Single(result.Pool);
    }

    [Fact]
    public void Build_EveryEmployer_InPoolOrExclusions()
    {
        var employers = Enumerable.Range(1, 40).Select(i => Employer(
            i,
            status: i % 7 == 0 ? EmployerStatus.Deregistered : EmployerStatus.Active,
            lastInspectedOn: i % 3 == 0 ? DrawDate.AddMonths(-2) : null,
            riskFlags: i % 5 == 0 ? ["工伤"] : null)).ToArray();

        var result = PoolBuilder.Build(employers, [LabourContracts], DrawDate, 12);

        var all = result.Pool.Select(entry => entry.CreditCode).Concat(result.Exclusions.Select(x => x.CreditCode));
        var poolCodes = result.Pool.Select(entry => entry.CreditCode).ToArray();
        Assert.Equal(
            employers.Select(e => e.CreditCode).Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.Equal(poolCodes.Order(StringComparer.Ordinal), poolCodes);
    }

    [Fact]
    public void Build_InvalidCreditCode_ThrowsValidation()
    {
        var bad = Employer(1) with { CreditCode = "91440300000000001X" };

        var error = Assert.Throws<ValidationException>(
            () => PoolBuilder.Build([bad], [LabourContracts], DrawDate, 12));

        Assert.Equal("creditCode", error.Field);
        Assert.Equal("91440300000000001X", error.Value);
    }

    [Fact]
    public void Build_RepeatedCreditCode_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => PoolBuilder.Build([Employer(1), Employer(1)], [LabourContracts], DrawDate, 12));

        Assert.Equal("appears more than once", error.Reason);
    }

    [Fact]
    public void Build_TwoOffices_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => PoolBuilder.Build(
            [Employer(1), Employer(2, officeCode: "440306")], [LabourContracts], DrawDate, 12));

        Assert.Equal("officeCode", error.Field);
    }

    [Fact]
    public void Build_NoItems_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(() => PoolBuilder.Build([Employer(1)], [], DrawDate, 12));

        Assert.Equal("items", error.Field);
    }

    [Fact]
    public void Build_NegativeMonths_ThrowsValidation()
    {
        var error = Assert.Throws<ValidationException>(
            () => PoolBuilder.Build([Employer(1)], [LabourContracts], DrawDate, -1));

        Assert.Equal("exclusionMonths '-1' must not be negative.", error.Message);
    }
}
