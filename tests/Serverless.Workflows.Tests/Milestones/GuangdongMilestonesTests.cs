using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class GuangdongMilestonesTests
{
    private static readonly Office Province = new("440000", "广东省", OfficeTier.Province, null, "p@hrss.example", false);
    private static readonly Office Shenzhen = new("440300", "深圳市", OfficeTier.City, "440000", "s@hrss.example", false);
    private static readonly Office Luohu = new("440303", "罗湖区", OfficeTier.County, "440300", "l@hrss.example", true);
    private static readonly Office Dongguan = new("441900", "东莞市", OfficeTier.City, "440000", "d@hrss.example", true);

    [Fact]
    public void Default_IsValid()
    {
        MilestoneSetValidator.Validate(GuangdongMilestones.Default);

        Assert.Equal(7, GuangdongMilestones.Default.Milestones.Count);
    }

    [Fact]
    public void Rules_AppliesToCountiesAndDongguan()
    {
        var scope = GuangdongMilestones.Default.Get("rules").Scope;

        Assert.True(scope.Includes(Luohu));
        Assert.True(scope.Includes(Dongguan));
        Assert.False(scope.Includes(Shenzhen));
        Assert.False(scope.Includes(Province));
    }

    [Fact]
    public void CampaignMechanism_AppliesToCitiesWithCounties()
    {
        var scope = GuangdongMilestones.Default.Get("campaign-mechanism").Scope;

        Assert.True(scope.Includes(Shenzhen));
        Assert.False(scope.Includes(Dongguan));
        Assert.False(scope.Includes(Luohu));
    }

    [Fact]
    public void Roster_AppliesToEveryTier()
    {
        var scope = GuangdongMilestones.Default.Get("roster").Scope;

        Assert.True(scope.Includes(Province));
        Assert.True(scope.Includes(Shenzhen));
        Assert.True(scope.Includes(Luohu));
    }

    [Theory]
    [InlineData("roster", "2016-10-31")]
    [InlineData("registry", "2017-03-31")]
    [InlineData("rules", "2016-12-31")]
    [InlineData("in-force", "2017-12-31")]
    public void Default_Milestone_HasPlanDueDate(string milestoneId, string due)
    {
        var milestone = GuangdongMilestones.Default.Get(milestoneId);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), milestone.DueDate);
    }

    [Fact]
    public void Targets_CountyOfficers_ComeFromTier()
    {
        Assert.Equal(6, GuangdongMilestones.Default.Targets.RequiredOfficers(Luohu));
    }

    [Fact]
    public void Targets_OfficeTarget_OverridesTier()
    {
        var targets = GuangdongMilestones.Default.Targets with
        {
            EmployersPerOffice = new Dictionary<string, int> { ["440303"] = 350 },
        };

        Assert.Equal(350, targets.EmployerTarget(Luohu));
        Assert.Equal(1000, targets.EmployerTarget(Dongguan));
    }

    [Fact]
    public void Validator_DuplicateMilestone_IsRejected()
    {
        var roster = GuangdongMilestones.Default.Get("roster");
        var set = GuangdongMilestones.Default with { Version = 2, Milestones = [roster, roster] };

        var error = Assert.Throws<ValidationException>(() => MilestoneSetValidator.Validate(set));

        Assert.Equal("milestones[1].milestoneId", error.Field);
    }

    [Fact]
    public void Validator_BothDueDates_IsRejected()
    {
        var roster = GuangdongMilestones.Default.Get("roster") with { DueAfterDays = 20 };
        var set = GuangdongMilestones.Default with { Milestones = [roster] };

        var error = Assert.Throws<ValidationException>(() => MilestoneSetValidator.Validate(set));

        Assert.Equal("milestones[0].dueDate", error.Field);
    }

    [Theory]
    [InlineData("GD-2016")]
    [InlineData("gd_2016")]
    [InlineData("")]
    public void Validator_BadSetId_IsRejected(string setId)
    {
        var set = GuangdongMilestones.Default with { SetId = setId };

        var error = Assert.Throws<ValidationException>(() => MilestoneSetValidator.Validate(set));

        Assert.Equal("setId", error.Field);
    }

    [Fact]
    public void Validator_NegativeTarget_IsRejected()
    {
        var targets = GuangdongMilestones.Default.Targets with
        {
            EmployersPerOffice = new Dictionary<string, int> { ["440303"] = -1 },
        };
        var set = GuangdongMilestones.Default with { Targets = targets };

        var error = Assert.Throws<ValidationException>(() => MilestoneSetValidator.Validate(set));

        Assert.Equal("targets.employersPerOffice.440303", error.Field);
    }
}
