using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class CompletionRulesTests
{
    private static readonly DateOnly Due = new(2016, 10, 31);

    [Fact]
    public void Roster_ExpiredCertificates_AreNamedInMissing()
    {
        var officers = Enumerable.Range(0, 14)
            .Select(i => Officer(i, i < 12 ? Due.AddDays(-1) : Due))
            .ToList();

        var progress = CompletionRules.Roster(officers, 6, Due);

        Assert.False(progress.Done);
        Assert.Contains("12 名执法人员的执法证已过期", progress.Missing, StringComparison.Ordinal);
        Assert.Contains("现有 2 名，还差 4 名", progress.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Roster_SuspendedOfficers_DoNotCount()
    {
        var officers = Enumerable.Range(0, 6)
            .Select(i => Officer(i, Due) with { Status = i < 1 ? OfficerStatus.Suspended : OfficerStatus.Active })
            .ToList();

        Assert.False(CompletionRules.Roster(officers, 6, Due).Done);
    }

    [Fact]
    public void Roster_EnoughValidOfficers_IsDone()
    {
        var officers = Enumerable.Range(0, 6).Select(i => Officer(i, Due)).ToList();

        Assert.True(CompletionRules.Roster(officers, 6, Due).Done);
    }

    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    public void Registry_Target_DecidesDone(int employers, bool done)
    {
        Assert.Equal(done, CompletionRules.Registry(employers, 200).Done);
    }

    [Fact]
    public void Filing_UploadedNotAcknowledged_IsNotDone()
    {
        var progress = CompletionRules.Filing(new FilingState(1, null), "东莞市");

        Assert.False(progress.Done);
        Assert.Contains("广东省", CompletionRules.Filing(new FilingState(1, null), "广东省").Missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Filing_Acknowledged_IsDone()
    {
        var acknowledgement = new FilingAcknowledgement("440000", "key-1", DateTimeOffset.UnixEpoch);

        Assert.True(CompletionRules.Filing(new FilingState(1, acknowledgement), "广东省").Done);
    }

    private static Officer Officer(int index, DateOnly expiry) => new(
        $"O{index}", "440103", "测试", $"C{index}", expiry, OfficerStatus.Active, [], "o@hrss.example", []);
}
