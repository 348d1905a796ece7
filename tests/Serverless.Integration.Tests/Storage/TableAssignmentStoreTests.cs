using Serverless.Integration.Tests.Infrastructure;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;
using static Serverless.Integration.Tests.Storage.StorageSamples;

namespace Serverless.Integration.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableAssignmentStoreTests(AzuriteFixture azurite)
{
    private const string Prefix = "assignments";
    private const string FirstDraw = "440304-2026-03-01";
    private const string SecondDraw = "440304-2026-06-01";

    private readonly StorageContext context = CreateContext(azurite, Prefix);

    [Fact]
    public async Task ListByOfficer_RoundTrip_KeepsEveryField()
    {
        var team = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var leader = team[0] with { EmployerName = "O'Brien 深圳" + ExtensionB + "有限公司", ItemCodes = [] };

        await context.Assignments.UpsertAsync([leader, team[1]]);
        var stored = await context.Assignments.ListByOfficerAsync("GD-0101");

        AssertAssignment(leader, Assert.Single(stored));
    }

    [Fact]
    public async Task ListByEmployer_ApostropheName_ReturnsTeam()
    {
        var target = CreditCodeFor(1);
        var team = Team(FirstDraw, target, new DateOnly(2026, 3, 1), "GD-0101", "GD-0102")
            .Select(assignment => assignment with { EmployerName = "O'Brien's 贸易" })
            .ToList();
        var other = Team(FirstDraw, CreditCodeFor(2), new DateOnly(2026, 3, 1), "GD-0101", "GD-0103");

        await context.Assignments.UpsertAsync([.. team, .. other]);
        var stored = await context.Assignments.ListByEmployerAsync(target);

        Assert.Equal(["GD-0101", "GD-0102"], stored.Select(assignment => assignment.OfficerId));
        Assert.All(stored, assignment => Assert.Equal("O'Brien's 贸易", assignment.EmployerName));
    }

    [Fact]
    public async Task ListByOfficer_QuotedDrawId_ReturnsThatDraw()
    {
        const string quoted = "440304-'2026'-Q2";
        var earlier = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var quotedDraw = Team(quoted, CreditCodeFor(2), new DateOnly(2026, 6, 1), "GD-0101", "GD-0102");
        // A draw id that extends the quoted one must not match its row-key range.
        var longer = Team(quoted + "X", CreditCodeFor(3), new DateOnly(2026, 6, 2), "GD-0101", "GD-0102");

        await context.Assignments.UpsertAsync([.. earlier, .. quotedDraw, .. longer]);
        var stored = await context.Assignments.ListByOfficerAsync("GD-0101", quoted);

        var only = Assert.Single(stored);
        Assert.Equal(quoted, only.DrawId);
        Assert.Equal(CreditCodeFor(2), only.CreditCode);
    }

    [Fact]
    public async Task ListByOfficer_AllDraws_ReturnsEveryDraw()
    {
        var earlier = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var later = Team(SecondDraw, CreditCodeFor(2), new DateOnly(2026, 6, 1), "GD-0103", "GD-0101");

        await context.Assignments.UpsertAsync([.. earlier, .. later]);
        var stored = await context.Assignments.ListByOfficerAsync("GD-0101");

        Assert.Equal([FirstDraw, SecondDraw], stored.Select(assignment => assignment.DrawId));
        Assert.Equal([true, false], stored.Select(assignment => assignment.IsLeader));
    }

    [Fact]
    public async Task Upsert_SameAssignmentsTwice_ChangesNothing()
    {
        var team = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");

        await context.Assignments.UpsertAsync(team);
        await context.Assignments.UpsertAsync(team);

        Assert.Equal(2, (await context.Assignments.ListByEmployerAsync(CreditCodeFor(1))).Count);
        var teams = await context.Assignments.GetPreviousTeamsAsync(Futian);
        Assert.Equal(["GD-0101", "GD-0102"], teams[CreditCodeFor(1)]);
    }

    [Fact]
    public async Task PreviousTeams_LaterDrawFirst_KeepsLaterTeam()
    {
        var target = CreditCodeFor(1);
        var later = Team(SecondDraw, target, new DateOnly(2026, 6, 1), "GD-0103", "GD-0104");
        var earlier = Team(FirstDraw, target, new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");

        await context.Assignments.UpsertAsync(later);
        await context.Assignments.UpsertAsync(earlier);
        var teams = await context.Assignments.GetPreviousTeamsAsync(Futian);

        Assert.Equal(["GD-0103", "GD-0104"], teams[target]);
    }

    [Fact]
    public async Task PreviousTeams_LaterDrawSecond_ReplacesTeam()
    {
        var target = CreditCodeFor(1);
        var earlier = Team(FirstDraw, target, new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var later = Team(SecondDraw, target, new DateOnly(2026, 6, 1), "GD-0103", "GD-0104");

        await context.Assignments.UpsertAsync(earlier);
        await context.Assignments.UpsertAsync(later);
        var teams = await context.Assignments.GetPreviousTeamsAsync(Futian);

        Assert.Equal(["GD-0103", "GD-0104"], teams[target]);
    }

    [Fact]
    public async Task PreviousTeams_OtherOffice_NotReturned()
    {
        var futian = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var nanshan = Team("440305-2026-03-01", CreditCodeFor(2), new DateOnly(2026, 3, 1), "GD-0201", "GD-0202")
            .Select(assignment => assignment with { OfficeCode = Nanshan })
            .ToList();

        await context.Assignments.UpsertAsync([.. futian, .. nanshan]);
        var teams = await context.Assignments.GetPreviousTeamsAsync(Futian);

        Assert.Equal([CreditCodeFor(1)], teams.Keys);
    }

    [Fact]
    public async Task PreviousTeams_ConcurrentDraws_KeepLatestTeam()
    {
        var target = CreditCodeFor(1);
        var draws = Enumerable.Range(1, 8)
            .Select(day => Team(
                $"440304-2026-07-{day:D2}", target, new DateOnly(2026, 7, day), $"GD-{day:D2}01", $"GD-{day:D2}02"))
            .ToList();

        await Task.WhenAll(draws.Select(team => context.Assignments.UpsertAsync(team)));
        var teams = await context.Assignments.GetPreviousTeamsAsync(Futian);

        Assert.Equal(["GD-0801", "GD-0802"], teams[target]);
    }

    [Fact]
    public async Task Upsert_DrawIdWithSeparator_Rejects()
    {
        var team = Team("440304|2026", CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Assignments.UpsertAsync(team));

        Assert.Equal("assignments[0].drawId", error.Field);
    }

    [Fact]
    public async Task Upsert_OneInvalidCreditCode_WritesNothing()
    {
        var valid = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var invalid = Team(FirstDraw, "91440300MA5FXXXX1Z", new DateOnly(2026, 3, 1), "GD-0101", "GD-0103");

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Assignments.UpsertAsync([.. valid, .. invalid]));

        Assert.Equal("assignments[2].creditCode", error.Field);
        Assert.Empty(await context.Assignments.ListByOfficerAsync("GD-0101"));
        Assert.Empty(await context.Assignments.GetPreviousTeamsAsync(Futian));
    }

    [Fact]
    public async Task Upsert_DrawDateBefore1601_Rejects()
    {
        var team = Team(FirstDraw, CreditCodeFor(1), new DateOnly(1600, 1, 1), "GD-0101", "GD-0102");

        var error = await Assert.ThrowsAsync<ValidationException>(() => context.Assignments.UpsertAsync(team));

        Assert.Equal("assignments[0].drawnOn", error.Field);
    }

    [Fact]
    public async Task Upsert_LeaderNotFirst_Rejects()
    {
        var team = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Assignments.UpsertAsync([team[0], team[1] with { IsLeader = true }]));

        Assert.Equal("assignments[1].isLeader", error.Field);
    }

    [Fact]
    public async Task Upsert_MismatchedTeams_Rejects()
    {
        var team = Team(FirstDraw, CreditCodeFor(1), new DateOnly(2026, 3, 1), "GD-0101", "GD-0102");
        var second = team[1] with { TeamOfficerIds = ["GD-0103", "GD-0102"] };

        var error = await Assert.ThrowsAsync<ValidationException>(
            () => context.Assignments.UpsertAsync([team[0], second]));

        Assert.Equal("assignments[1].teamOfficerIds", error.Field);
    }

    /// <summary>Creates the assignments of one team to one target, leader first.</summary>
    private static List<Assignment> Team(
        string drawId, string creditCode, DateOnly drawnOn, params string[] officerIds) =>
        officerIds
            .Select((officerId, i) => new Assignment(
                drawId, Futian, officerId, creditCode, "深圳市福田明辉电子有限公司", i == 0, officerIds,
                ["LC-01", "WG-02"], drawnOn, drawnOn.AddDays(30)))
            .ToList();

    private static void AssertAssignment(Assignment expected, Assignment actual)
    {
        Assert.Equal(expected.DrawId, actual.DrawId);
        Assert.Equal(expected.OfficeCode, actual.OfficeCode);
        Assert.Equal(expected.OfficerId, actual.OfficerId);
        Assert.Equal(expected.CreditCode, actual.CreditCode);
        Assert.Equal(expected.EmployerName, actual.EmployerName);
        Assert.Equal(expected.IsLeader, actual.IsLeader);
        Assert.Equal(expected.TeamOfficerIds, actual.TeamOfficerIds);
        Assert.Equal(expected.ItemCodes, actual.ItemCodes);
        Assert.Equal(expected.DrawnOn, actual.DrawnOn);
        Assert.Equal(expected.Deadline, actual.Deadline);
    }
}
