using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Workflows.Milestones;

namespace Serverless.Workflows.Tests.Milestones;

public sealed class MilestoneNoticeComposerTests
{
    private static readonly Office Shenzhen = new("440300", "深圳市", OfficeTier.City, "440000", "rsj-440300@hrss.example", false);
    private static readonly Office Luohu = new("440303", "罗湖区", OfficeTier.County, "440300", "rsj-440303@hrss.example", true);
    private static readonly DateOnly Due = new(2016, 10, 31);

    [Fact]
    public void Compose_Reminder_NamesOfficeMilestoneDueAndMissing()
    {
        var notice = Compose(Luohu, new MilestoneStep("before-7", MilestoneStepKind.Reminder, new DateOnly(2016, 10, 24)));

        Assert.Equal("rsj-440303@hrss.example", notice.ToAddress);
        Assert.Equal("【截止提醒】罗湖区“执法人员名录库建立并录入系统”距截止还有 7 天", notice.Subject);
        Assert.Contains("截止日期：2016-10-31", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("尚缺：12 名执法人员的执法证已过期", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("完成方法：在系统中录入", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Escalation_GoesToRecipientWithDaysLate()
    {
        var notice = Compose(Shenzhen, new MilestoneStep("escalation-2", MilestoneStepKind.Escalation, new DateOnly(2016, 11, 14)));

        Assert.Equal("rsj-440300@hrss.example", notice.ToAddress);
        Assert.Equal("【逾期督办】罗湖区“执法人员名录库建立并录入系统”已逾期 14 天", notice.Subject);
        Assert.StartsWith("深圳市：", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SameStep_GivesSameMessageId()
    {
        var step = new MilestoneStep("due", MilestoneStepKind.Due, Due);

        Assert.Equal(Compose(Luohu, step).MessageId, Compose(Luohu, step).MessageId);
        Assert.Equal("today-id.440303%2Eroster%2Edue@notices.inspection.example", Compose(Luohu, step).MessageId);
    }

    [Fact]
    public void Publication_UploadedDocument_IsDone()
    {
        Assert.True(CompletionRules.Publication(new FilingState(1, null)).Done);
        Assert.False(CompletionRules.Publication(new FilingState(0, null)).Done);
    }

    private static Shared.Notifications.Notice Compose(Office recipient, MilestoneStep step) =>
        MilestoneNoticeComposer.Compose(
            "today-id",
            $"440303.roster.{step.StepId}",
            recipient,
            Luohu,
            GuangdongMilestones.Default,
            GuangdongMilestones.Default.Get("roster"),
            step,
            Due,
            "12 名执法人员的执法证已过期");
}
