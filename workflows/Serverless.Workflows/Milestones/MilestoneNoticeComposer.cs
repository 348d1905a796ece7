using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Milestones;
using Serverless.Shared.Notifications;

namespace Serverless.Workflows.Milestones;

/// <summary>Writes the text of milestone reminders and escalations, in Chinese.</summary>
public static class MilestoneNoticeComposer
{
    /// <summary>
    /// Composes the notice of one step to one recipient office: which office and milestone, the due date, the
    /// days left or late, what is missing and how to complete it.
    /// </summary>
    public static Notice Compose(
        string instanceId,
        string recipientId,
        Office recipient,
        Office office,
        MilestoneSet set,
        MilestoneDefinition milestone,
        MilestoneStep step,
        DateOnly dueDate,
        string missing)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(step);
        var days = dueDate.DayNumber - step.Date.DayNumber;
        var state = days switch
        {
            > 0 => $"距截止还有 {Text(days)} 天",
            0 => "今天截止",
            _ => $"已逾期 {Text(-days)} 天",
        };
        var subject = step.Kind == MilestoneStepKind.Escalation
            ? $"【逾期督办】{office.Name}“{milestone.Name}”{state}"
            : $"【截止提醒】{office.Name}“{milestone.Name}”{state}";

        var body = new StringBuilder()
            .Append(recipient.Name).AppendLine("：").AppendLine()
            .Append("单位：").Append(office.Name).Append('（').Append(office.Code).AppendLine("）")
            .Append("事项：").Append(milestone.Name).Append('（').Append(set.Name).AppendLine("）")
            .Append("截止日期：").AppendLine(dueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Append("状态：").AppendLine(state)
            .Append("尚缺：").AppendLine(missing)
            .Append("完成方法：").AppendLine(milestone.Instructions);
        if (step.Kind == MilestoneStepKind.Escalation)
        {
            body.AppendLine().AppendLine("请督促该单位尽快完成。");
        }

        return new Notice(
            NoticeMessageId.Create(instanceId, recipientId), recipient.Email, recipient.Name, subject, body.ToString());
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
