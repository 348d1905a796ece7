using System.Text.RegularExpressions;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;

namespace Serverless.Integration.Tests.Notifications;

public sealed partial class DrawDigestComposerTests
{
    [Fact]
    public void Compose_TwoTargets_SubjectNamesPlanAndCount()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        Assert.Equal("【双随机抽查】2026年第二季度劳动用工双随机抽查 检查任务通知（2 户）", notice.Subject);
    }

    [Fact]
    public void Compose_Officer_AddressesOfficer()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        Assert.Equal("wang.jianguo@hrss.gd.example", notice.ToAddress);
        Assert.Equal("王建国", notice.ToName);
        Assert.StartsWith("王建国同志：\n", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Officer_MessageIdFromDrawAndOfficer()
    {
        var notice = NoticeSamples.ComposeFor(NoticeSamples.Leader);

        Assert.Equal("440304-2026-06-01-Q2.GD-0101@notices.inspection.example", notice.MessageId);
    }

    [Fact]
    public void Compose_SameInputTwice_SameNotice()
    {
        var first = NoticeSamples.ComposeFor(NoticeSamples.Member);
        var second = NoticeSamples.ComposeFor(NoticeSamples.Member);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Compose_Body_ListsTargetsByCreditCode()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains("1. 深圳市华强精密制造有限公司\n   统一社会信用代码：91440300279331234C\n", body, StringComparison.Ordinal);
        Assert.Contains("2. 深圳市福田明辉电子有限公司\n   统一社会信用代码：91440300MA5FXXXX1Y\n", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Leader_MarkedLeaderWithMembers()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains(
            "2. 深圳市福田明辉电子有限公司\n   统一社会信用代码：91440300MA5FXXXX1Y\n   本组角色：组长；组员：GD-0102、GD-0103\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Member_NamesLeaderAndOtherMembers()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains(
            "1. 深圳市华强精密制造有限公司\n   统一社会信用代码：91440300279331234C\n   本组角色：组员；组长：GD-0102；其他组员：GD-0103\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Body_ListsItemsOnce()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains("二、检查事项\nLC-01（劳动合同）：检查用人单位与劳动者订立书面劳动合同的情况\n", body, StringComparison.Ordinal);
        Assert.Contains("WG-02（工资支付）：检查用人单位按时足额支付劳动者工资的情况\n", body, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(body, "   检查事项：LC-01、WG-02\n"));
    }

    [Fact]
    public void Compose_Deadline_WrittenInChineseWithoutPadding()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains("请于 2026年7月5日（含当日）前完成以上检查。", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, 12, 31, "2026年12月31日")]
    [InlineData(2027, 1, 9, "2027年1月9日")]
    public void FormatDate_Date_YearMonthDay(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, DrawDigestComposer.FormatDate(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Compose_Body_ExplainsHowToVerifyDraw()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.Contains("抽取编号：440304-2026-06-01-Q2\n", body, StringComparison.Ordinal);
        Assert.Contains(
            "dotnet run --project functions/Serverless.Host -- verify --draw 440304-2026-06-01-Q2\n",
            body,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Body_HasNoContactDetailsOfOthers()
    {
        var body = NoticeSamples.ComposeFor(NoticeSamples.Leader).TextBody;

        Assert.DoesNotContain(NoticeSamples.Member.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeSamples.ThirdMember.Email, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeSamples.Member.Name, body, StringComparison.Ordinal);
        Assert.DoesNotContain(NoticeSamples.Member.CertificateNumber, body, StringComparison.Ordinal);
        Assert.DoesNotMatch(EmailPattern(), body);
        Assert.DoesNotMatch(MobileNumberPattern(), body);
    }

    [Fact]
    public void Compose_NoAssignments_ThrowsValidation()
    {
        var exception = Assert.Throws<ValidationException>(() => Compose(NoticeSamples.Leader, []));

        Assert.Equal("assignments", exception.Field);
    }

    [Fact]
    public void Compose_AssignmentOfOtherDraw_ThrowsValidation()
    {
        var assignments = NoticeSamples.AssignmentsOf(NoticeSamples.Leader)
            .Select(a => a with { DrawId = "440304-2026-03-01-Q1" })
            .ToList();

        var exception = Assert.Throws<ValidationException>(() => Compose(NoticeSamples.Leader, assignments));

        Assert.Equal("assignments.drawId", exception.Field);
        Assert.Equal("440304-2026-03-01-Q1", exception.Value);
    }

    [Fact]
    public void Compose_AssignmentOfOtherOfficer_ThrowsValidation()
    {
        var assignments = NoticeSamples.AssignmentsOf(NoticeSamples.Member);

        var exception = Assert.Throws<ValidationException>(() => Compose(NoticeSamples.Leader, assignments));

        Assert.Equal("assignments.officerId", exception.Field);
        Assert.Equal("GD-0102", exception.Value);
    }

    [Fact]
    public void Compose_LeaderFlagAgainstTeam_ThrowsValidation()
    {
        var assignments = NoticeSamples.AssignmentsOf(NoticeSamples.Member)
            .Select(a => a with { IsLeader = true })
            .ToList();

        var exception = Assert.Throws<ValidationException>(() => Compose(NoticeSamples.Member, assignments));

        Assert.Equal("assignments.isLeader", exception.Field);
    }

    [Fact]
    public void Compose_RepeatedTarget_ThrowsValidation()
    {
        var assignment = NoticeSamples.AssignmentsOf(NoticeSamples.Leader)[0];

        var exception = Assert.Throws<ValidationException>(
            () => Compose(NoticeSamples.Leader, [assignment, assignment]));

        Assert.Equal("assignments.creditCode", exception.Field);
        Assert.Equal(assignment.CreditCode, exception.Value);
    }

    [Fact]
    public void Compose_UnknownItem_ThrowsValidation()
    {
        var assignments = NoticeSamples.AssignmentsOf(NoticeSamples.Leader)
            .Select(a => a with { ItemCodes = ["LC-01", "SI-09"] })
            .ToList();

        var exception = Assert.Throws<ValidationException>(() => Compose(NoticeSamples.Leader, assignments));

        Assert.Equal("items", exception.Field);
        Assert.Equal("SI-09", exception.Value);
    }

    [Fact]
    public void Compose_OfficerWithoutEmail_ThrowsValidation()
    {
        var officer = NoticeSamples.Leader with { Email = " " };

        var exception = Assert.Throws<ValidationException>(
            () => Compose(officer, NoticeSamples.AssignmentsOf(officer)));

        Assert.Equal("officer.email", exception.Field);
    }

    private static Notice Compose(Officer officer, IReadOnlyList<Assignment> assignments) =>
        DrawDigestComposer.Compose(
            NoticeSamples.DrawId,
            NoticeSamples.PlanName,
            NoticeSamples.OfficeName,
            officer,
            assignments,
            NoticeSamples.Items,
            NoticeSamples.Deadline);

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Mainland mobile numbers: 11 digits starting with 1 and a second digit from 3 to 9.
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex MobileNumberPattern();
}
