using Serverless.Shared.Domain;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class OfficeDrawEngineTests
{
    [Fact]
    public void Draw_NoRiskRatio_DrawsAllStratumWithSourcesKey()
    {
        var pool = DrawTestData.Pool(40, riskEvery: 4);
        var input = DrawTestData.Input(pool, DrawTestData.Roster(8), new TargetRule(0.1m));

        var outcome = OfficeDrawEngine.Draw(input);

        var expected = Rfc3797Selector.Select(Rfc3797.BuildKey(DrawTestData.Sources), 40, 4);
        Assert.Equal(expected.Select(position => position + 1), outcome.Targets.Select(t => t.PoolLine));
        Assert.Equal(expected.Select(position => pool[position].CreditCode), outcome.Targets.Select(t => t.CreditCode));
        Assert.All(outcome.Targets, target => Assert.Equal("all", target.Stratum));
        Assert.Equal([0, 1, 2, 3], outcome.Targets.Select(t => t.Index));
        Assert.Equal([1, 2, 3, 4], outcome.Targets.Select(t => t.Selection));
    }

    [Fact]
    public void Draw_RiskRatio_DrawsRiskThenGeneral()
    {
        var pool = DrawTestData.Pool(40, riskEvery: 4);
        var risk = pool.Where(entry => entry.RiskFlagged).ToArray();
        var general = pool.Where(entry => !entry.RiskFlagged).ToArray();
        var input = DrawTestData.Input(pool, DrawTestData.Roster(8), new TargetRule(0.1m, RiskRatio: 0.5m));

        var outcome = OfficeDrawEngine.Draw(input);

        var riskKey = Rfc3797.BuildKey([.. DrawTestData.Sources, "risk"]);
        var generalKey = Rfc3797.BuildKey([.. DrawTestData.Sources, "general"]);
        var expectedRisk = Rfc3797Selector.Select(riskKey, risk.Length, 5);
        var expectedGeneral = Rfc3797Selector.Select(generalKey, general.Length, 3);
        Assert.Equal(Enumerable.Repeat("risk", 5).Concat(Enumerable.Repeat("general", 3)),
            outcome.Targets.Select(t => t.Stratum));
        Assert.Equal([0, 1, 2, 3, 4, 0, 1, 2], outcome.Targets.Select(t => t.Index));
        Assert.Equal(expectedRisk.Concat(expectedGeneral).Select(position => position + 1),
            outcome.Targets.Select(t => t.PoolLine));
        Assert.Equal(
            expectedRisk.Select(p => risk[p].CreditCode).Concat(expectedGeneral.Select(p => general[p].CreditCode)),
            outcome.Targets.Select(t => t.CreditCode));
        Assert.Equal(Enumerable.Range(1, 8), outcome.Targets.Select(t => t.Selection));
    }

    [Fact]
    public void Draw_Team_DrawnByTargetKeyLeaderFirst()
    {
        var roster = DrawTestData.Roster(9);
        var input = DrawTestData.Input(DrawTestData.Pool(10), roster, new TargetRule(Count: 1), officersPerTarget: 3);

        var target = Assert.Single(OfficeDrawEngine.Draw(input).Targets);

        var key = Rfc3797.BuildKey([.. DrawTestData.Sources, target.CreditCode]);
        var expected = Rfc3797Selector.Select(key, 9, 3).Select(position => roster[position].OfficerId);
        Assert.Equal(expected, target.Team.Select(member => member.OfficerId));
        Assert.Equal([true, false, false], target.Team.Select(member => member.IsLeader));
        Assert.Equal([0, 1, 2], target.Team.Select(member => member.Index));
    }

    [Fact]
    public void Draw_EachRuleFails_UnstaffedReasonCountsRules()
    {
        var pool = DrawTestData.Pool(1);
        var target = pool[0].CreditCode;
        RosterEntry[] roster =
        [
            DrawTestData.Officer("O001", OfficerStatus.Suspended),
            DrawTestData.Officer("O002", OfficerStatus.Retired),
            DrawTestData.Officer("O003", expiry: DrawTestData.InspectionDate.AddDays(-1)),
            DrawTestData.Officer("O004", qualifications: ["LS-01"]),
            DrawTestData.Officer("O005", conflicts: ["91440300000000999X", target]),
            DrawTestData.Officer("O006"),
        ];
        var input = DrawTestData.Input(pool, roster, new TargetRule(Count: 1));

        var outcome = OfficeDrawEngine.Draw(input);

        Assert.Empty(outcome.Targets);
        var unstaffed = Assert.Single(outcome.Unstaffed);
        Assert.Equal(target, unstaffed.CreditCode);
        Assert.Equal(1, unstaffed.EligibleOfficers);
        Assert.Equal(
            "1 eligible of 6: 2 not active, 1 certificate expired, 0 not qualified for LS-01, "
            + "1 not qualified for LS-03, 1 declared conflict, 0 on previous team, 0 at cap of 2",
            unstaffed.Reason);
    }

    [Fact]
    public void Draw_CertificateExpiresOnInspectionDate_Eligible()
    {
        RosterEntry[] roster =
        [
            DrawTestData.Officer("O001", expiry: DrawTestData.InspectionDate),
            DrawTestData.Officer("O002", expiry: DrawTestData.InspectionDate),
        ];

        var outcome = OfficeDrawEngine.Draw(DrawTestData.Input(DrawTestData.Pool(5), roster, new TargetRule(Count: 1)));

        Assert.Equal(2, Assert.Single(outcome.Targets).Team.Count);
    }

    [Fact]
    public void Draw_PreviousTeam_NeverOnTeam()
    {
        var pool = DrawTestData.Pool(20);
        var previous = pool.ToDictionary(
            entry => entry.CreditCode, IReadOnlyList<string> (_) => ["O001", "O003", "O099"]);
        var input = DrawTestData.Input(
            pool, DrawTestData.Roster(5), new TargetRule(Count: 20), previousTeams: previous);

        var outcome = OfficeDrawEngine.Draw(input);

        var members = outcome.Targets.SelectMany(t => t.Team).Select(m => m.OfficerId).Distinct().Order();
        Assert.Equal(["O002", "O004", "O005"], members);
    }

    [Fact]
    public void Draw_PreviousTeamLeavesOne_ReasonCountsPrevious()
    {
        var pool = DrawTestData.Pool(1);
        var previous = new Dictionary<string, IReadOnlyList<string>> { [pool[0].CreditCode] = ["O002", "O003"] };
        var input = DrawTestData.Input(pool, DrawTestData.Roster(3), new TargetRule(Count: 1), previousTeams: previous);

        var unstaffed = Assert.Single(OfficeDrawEngine.Draw(input).Unstaffed);

        Assert.EndsWith(
            "0 declared conflict, 2 on previous team, 0 at cap of 2", unstaffed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Draw_DerivedCap_EvenShareRespected()
    {
        var input = DrawTestData.Input(DrawTestData.Pool(30), DrawTestData.Roster(7), new TargetRule(Count: 30));

        var outcome = OfficeDrawEngine.Draw(input);

        // ceil(30 targets * 2 officers / 7 qualified officers) + 1 = 10.
        Assert.Equal(10, outcome.MaxTargetsPerOfficer);
        Assert.Empty(outcome.Unstaffed);
        var perOfficer = outcome.Targets.SelectMany(t => t.Team).GroupBy(m => m.OfficerId);
        Assert.All(perOfficer, group => Assert.InRange(group.Count(), 1, 10));
    }

    [Fact]
    public void Draw_ExplicitCap_UnstaffedWithoutUsingCap()
    {
        var input = DrawTestData.Input(
            DrawTestData.Pool(12), DrawTestData.Roster(4), new TargetRule(Count: 12), maxTargetsPerOfficer: 2);

        var outcome = OfficeDrawEngine.Draw(input);

        // Four officers with a cap of 2 fill at most 4 teams of 2; the other targets stay unstaffed.
        Assert.Equal(2, outcome.MaxTargetsPerOfficer);
        Assert.InRange(outcome.Targets.Count, 3, 4);
        Assert.Equal(12, outcome.Targets.Count + outcome.Unstaffed.Count);
        Assert.All(outcome.Unstaffed, u => Assert.Contains("at cap of 2", u.Reason, StringComparison.Ordinal));
        var perOfficer = outcome.Targets.SelectMany(t => t.Team).GroupBy(m => m.OfficerId);
        Assert.All(perOfficer, group => Assert.InRange(group.Count(), 1, 2));
    }

    [Fact]
    public void Draw_UnstaffedTarget_KeepsSelectionNumbers()
    {
        var pool = DrawTestData.Pool(10);
        var everyone = DrawTestData.Roster(3).Select(o => o.OfficerId).ToArray();
        var first = OfficeDrawEngine.Draw(DrawTestData.Input(pool, DrawTestData.Roster(3))).Targets[0].CreditCode;
        var previous = new Dictionary<string, IReadOnlyList<string>> { [first] = everyone };

        var outcome = OfficeDrawEngine.Draw(DrawTestData.Input(pool, DrawTestData.Roster(3), previousTeams: previous));

        Assert.Equal(first, Assert.Single(outcome.Unstaffed).CreditCode);
        Assert.Equal([2, 3], outcome.Targets.Select(t => t.Selection));
    }

    [Fact]
    public void Draw_SameInput_SameOutcome()
    {
        var input = DrawTestData.Input(
            DrawTestData.Pool(200, riskEvery: 9), DrawTestData.Roster(12), new TargetRule(0.1m, RiskRatio: 0.3m));

        var first = OfficeDrawEngine.Draw(input);
        var second = OfficeDrawEngine.Draw(input with { Pool = [.. input.Pool], Roster = [.. input.Roster] });

        Assert.True(OfficeDrawEngine.SameOutcome(first, second));
    }

    [Fact]
    public void SameOutcome_OtherSources_ReturnsFalse()
    {
        var input = DrawTestData.Input(DrawTestData.Pool(200), DrawTestData.Roster(12), new TargetRule(0.1m));

        var first = OfficeDrawEngine.Draw(input);
        var other = OfficeDrawEngine.Draw(input with { EntropySources = ["2026 7 2"] });

        Assert.False(OfficeDrawEngine.SameOutcome(first, other));
    }

    [Fact]
    public void SameOutcome_OneMemberChanged_ReturnsFalse()
    {
        var outcome = OfficeDrawEngine.Draw(DrawTestData.Input(DrawTestData.Pool(20), DrawTestData.Roster(6)));
        var team = outcome.Targets[1].Team.ToArray();
        team[1] = team[1] with { OfficerId = "O999" };
        var targets = outcome.Targets.ToArray();
        targets[1] = targets[1] with { Team = team };

        Assert.False(OfficeDrawEngine.SameOutcome(outcome, outcome with { Targets = targets }));
        Assert.True(OfficeDrawEngine.SameOutcome(outcome, outcome with { Targets = [.. outcome.Targets] }));
    }

    [Fact]
    public void DrawTeams_GivenTargets_DrawsEachByTargetKey()
    {
        var roster = DrawTestData.Roster(6);
        var input = DrawTestData.Input([], roster, officersPerTarget: 1) with { ItemCodes = [] };
        string[] targets = [DrawTestData.Code(7), DrawTestData.Code(3)];

        var outcome = OfficeDrawEngine.DrawTeams(input, targets);

        Assert.Empty(outcome.Unstaffed);
        Assert.Equal(targets, outcome.Targets.Select(t => t.CreditCode));
        for (var i = 0; i < targets.Length; i++)
        {
            var key = Rfc3797.BuildKey([.. DrawTestData.Sources, targets[i]]);
            var member = Assert.Single(outcome.Targets[i].Team);
            Assert.Equal(roster[Rfc3797Selector.Select(key, 6, 1)[0]].OfficerId, member.OfficerId);
        }
    }

    [Fact]
    public void DrawTeams_RosterTooSmall_ReportsUnstaffed()
    {
        var input = DrawTestData.Input([], DrawTestData.Roster(1), officersPerTarget: 2) with { ItemCodes = [] };

        var outcome = OfficeDrawEngine.DrawTeams(input, [DrawTestData.Code(1)]);

        Assert.Empty(outcome.Targets);
        var unstaffed = Assert.Single(outcome.Unstaffed);
        Assert.Equal(1, unstaffed.EligibleOfficers);
    }

    [Fact]
    public void DrawTeams_NoOfficerPerTarget_ThrowsValidation()
    {
        var input = DrawTestData.Input([], DrawTestData.Roster(3), officersPerTarget: 0);

        var error = Assert.Throws<ValidationException>(() => OfficeDrawEngine.DrawTeams(input, [DrawTestData.Code(1)]));

        Assert.Equal("officersPerTarget '0' must be at least 1.", error.Message);
    }

    [Fact]
    public void Draw_OneOfficerPerTarget_ThrowsValidation()
    {
        var input = DrawTestData.Input(DrawTestData.Pool(5), DrawTestData.Roster(3), officersPerTarget: 1);

        var error = Assert.Throws<ValidationException>(() => OfficeDrawEngine.Draw(input));

        Assert.Equal("officersPerTarget '1' must be at least 2.", error.Message);
    }

    [Fact]
    public void Draw_PoolOutOfOrder_ThrowsValidation()
    {
        var pool = DrawTestData.Pool(5).Reverse().ToArray();

        var error = Assert.Throws<ValidationException>(
            () => OfficeDrawEngine.Draw(DrawTestData.Input(pool, DrawTestData.Roster(3))));

        Assert.Equal("pool", error.Field);
    }

    [Fact]
    public void Draw_RosterRepeated_ThrowsValidation()
    {
        RosterEntry[] roster = [DrawTestData.Officer("O001"), DrawTestData.Officer("O001")];

        var error = Assert.Throws<ValidationException>(
            () => OfficeDrawEngine.Draw(DrawTestData.Input(DrawTestData.Pool(5), roster)));

        Assert.Equal("roster", error.Field);
    }

    [Fact]
    public void Draw_InvalidRiskRatio_ThrowsValidation()
    {
        var input = DrawTestData.Input(
            DrawTestData.Pool(5, riskEvery: 2), DrawTestData.Roster(3), new TargetRule(RiskRatio: 1.5m));

        var error = Assert.Throws<ValidationException>(() => OfficeDrawEngine.Draw(input));

        Assert.Equal("targets.riskRatio '1.5' must be between 0 and 1.", error.Message);
    }

    [Fact]
    public void Draw_ZeroCap_ThrowsValidation()
    {
        var input = DrawTestData.Input(DrawTestData.Pool(5), DrawTestData.Roster(3), maxTargetsPerOfficer: 0);

        var error = Assert.Throws<ValidationException>(() => OfficeDrawEngine.Draw(input));

        Assert.Equal("maxTargetsPerOfficer", error.Field);
    }
}
