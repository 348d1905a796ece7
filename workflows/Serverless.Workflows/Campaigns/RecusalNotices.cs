using System.Text;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Notifications;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Campaigns;

/// <summary>Composes the notices of a recusal and of a cancelled campaign, in Chinese.</summary>
public static class RecusalNotices
{
    /// <summary>Notice to the recused officer or to the replacing one, depending on who receives it.</summary>
    /// <param name="record">Office record of the draw.</param>
    /// <param name="recusal">The recorded recusal.</param>
    /// <param name="team">The whole team after the recusal, leader first.</param>
    /// <param name="officer">Recipient: the recused or the replacing officer.</param>
    /// <param name="employerName">Name of the target.</param>
    /// <param name="recipientId">Outbox recipient id of this notice.</param>
    public static Notice Compose(
        OfficeDrawRecord record,
        RecusalRecord recusal,
        IReadOnlyList<TeamMember> team,
        Officer officer,
        string employerName,
        string recipientId)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(recusal);
        ArgumentNullException.ThrowIfNull(officer);
        var recused = officer.OfficerId == recusal.OfficerId;
        var kind = recusal.Kind == RecusalKind.Conflict ? "回避" : "无法参加检查";
        var leader = team.Single(m => m.IsLeader).OfficerId;
        var body = new StringBuilder();
        body.Append(officer.Name).Append("：\n\n");
        if (recused)
        {
            body.Append("您在抽查 ").Append(record.DrawId).Append(" 中对 ").Append(employerName)
                .Append('（').Append(recusal.CreditCode).Append("）的检查任务因").Append(kind)
                .Append("已调整，由替补人员 ").Append(recusal.ReplacementOfficerId).Append(" 接替，您无需参加该户检查。\n");
        }
        else
        {
            body.Append("您在抽查 ").Append(record.DrawId).Append(" 中被替补抽取，检查 ").Append(employerName)
                .Append('（').Append(recusal.CreditCode).Append("），检查事项：").Append(string.Join("、", record.ItemCodes))
                .Append("，完成期限：").Append(DrawDigestComposer.FormatDate(record.Deadline)).Append("。\n");
        }

        body.Append("检查组：").Append(string.Join("、", team.Select(m => m.OfficerId)))
            .Append("，组长：").Append(leader).Append("。\n\n");
        body.Append("替补按 RFC 3797 第 ").Append(recusal.Index).Append(" 号抽取，可用以下命令复核：\n")
            .Append(DrawDigestComposer.VerifyCommand).Append(' ').Append(record.DrawId).Append('\n');
        var subject = recused
            ? $"【双随机抽查】{record.PlanName} 检查任务调整通知"
            : $"【双随机抽查】{record.PlanName} 替补检查任务通知";
        return new Notice(
            NoticeMessageId.Create(record.DrawId, recipientId), officer.Email, officer.Name, subject, body.ToString());
    }

    /// <summary>Notice to an officer already notified of a campaign that was stopped.</summary>
    public static Notice Cancelled(Campaign campaign, CampaignCancellation cancellation, Officer officer, string recipientId)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(cancellation);
        ArgumentNullException.ThrowIfNull(officer);
        var body = new StringBuilder();
        body.Append(officer.Name).Append("：\n\n专项执法抽查「").Append(campaign.Name).Append("」（")
            .Append(campaign.CampaignId).Append("）已撤销，此前通知的检查任务不再执行。\n撤销原因：")
            .Append(cancellation.Reason).Append('\n');
        return new Notice(
            NoticeMessageId.Create(campaign.CampaignId, recipientId),
            officer.Email,
            officer.Name,
            $"【双随机抽查】{campaign.Name} 撤销通知",
            body.ToString());
    }
}
