using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Notifications;

/// <summary>
/// Composes the notice an assigned officer receives after a draw: a digest in Chinese of the officer's
/// targets, roles, items and deadline. The same input always gives the same notice, Message-ID included.
/// </summary>
public static class DrawDigestComposer
{
    /// <summary>Command, run from the repository root, that verifies a draw record. The draw id follows it.</summary>
    public const string VerifyCommand = "dotnet run --project functions/Serverless.Host -- verify --draw";

    private const string ListSeparator = "、";

    /// <summary>
    /// Composes the notice of one officer. Targets are listed in credit code order. Each names the officer's
    /// role and the roster ids of the rest of the team, but not their names or addresses.
    /// </summary>
    /// <param name="drawId">Draw id.</param>
    /// <param name="planName">Name of the draw plan.</param>
    /// <param name="officeName">Name of the drawing office.</param>
    /// <param name="officer">Recipient.</param>
    /// <param name="assignments">The officer's assignments of this draw, one per target.</param>
    /// <param name="items">Inspection items by code; must hold every code the assignments name.</param>
    /// <param name="deadline">Last day of the inspection.</param>
    /// <exception cref="ValidationException">
    /// A name is empty, the officer has no address or no assignments, an assignment belongs to another draw,
    /// officer or deadline or repeats a target, or an item code is not in <paramref name="items"/>.
    /// </exception>
    public static Notice Compose(
        string drawId,
        string planName,
        string officeName,
        Officer officer,
        IReadOnlyList<Assignment> assignments,
        IReadOnlyDictionary<string, InspectionItem> items,
        DateOnly deadline)
    {
        ArgumentNullException.ThrowIfNull(drawId);
        ArgumentNullException.ThrowIfNull(planName);
        ArgumentNullException.ThrowIfNull(officeName);
        ArgumentNullException.ThrowIfNull(officer);
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(items);
        RequireText(nameof(drawId), drawId);
        RequireText(nameof(planName), planName);
        RequireText(nameof(officeName), officeName);
        if (string.IsNullOrWhiteSpace(officer.Email))
        {
            throw new ValidationException("officer.email", null, $"of officer {officer.OfficerId} is missing");
        }

        ValidateAssignments(drawId, officer.OfficerId, assignments, deadline);
        var targets = assignments.OrderBy(a => a.CreditCode, StringComparer.Ordinal).ToList();
        var itemCodes = targets.SelectMany(a => a.ItemCodes).Distinct().Order(StringComparer.Ordinal).ToList();
        var missing = itemCodes.FirstOrDefault(code => !items.ContainsKey(code));
        if (missing is not null)
        {
            throw new ValidationException("items", missing, $"is used by draw {drawId} but not found in the item list");
        }

        var subject = string.Create(
            CultureInfo.InvariantCulture, $"【双随机抽查】{planName} 检查任务通知（{targets.Count} 户）");
        var body = ComposeBody(drawId, planName, officeName, officer, targets, itemCodes, items, deadline);
        var messageId = NoticeMessageId.Create(drawId, officer.OfficerId);
        return new Notice(messageId, officer.Email, officer.Name, subject, body);
    }

    /// <summary>Formats a date the way Chinese notices write it, for example 2026年6月30日.</summary>
    public static string FormatDate(DateOnly date) =>
        date.ToString("yyyy'年'M'月'd'日'", CultureInfo.InvariantCulture);

    private static void RequireText(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationException(field, value, "is empty");
        }
    }

    private static void ValidateAssignments(
        string drawId, string officerId, IReadOnlyList<Assignment> assignments, DateOnly deadline)
    {
        if (assignments.Count == 0)
        {
            throw new ValidationException("assignments", "0", $"contains no target of officer {officerId}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assignment in assignments)
        {
            ArgumentNullException.ThrowIfNull(assignment);
            if (!string.Equals(assignment.DrawId, drawId, StringComparison.Ordinal))
            {
                throw new ValidationException("assignments.drawId", assignment.DrawId, $"is not draw {drawId}");
            }

            if (!string.Equals(assignment.OfficerId, officerId, StringComparison.Ordinal))
            {
                throw new ValidationException(
                    "assignments.officerId", assignment.OfficerId, $"is not the recipient {officerId}");
            }

            if (assignment.Deadline != deadline)
            {
                throw new ValidationException(
                    "assignments.deadline", assignment.Deadline.ToString("O", CultureInfo.InvariantCulture),
                    $"differs from the draw deadline {deadline.ToString("O", CultureInfo.InvariantCulture)}");
            }

            if (!assignment.TeamOfficerIds.Contains(officerId, StringComparer.Ordinal))
            {
                throw new ValidationException(
                    "assignments.teamOfficerIds", string.Join(",", assignment.TeamOfficerIds),
                    $"does not contain the recipient {officerId}");
            }

            var leadsTeam = string.Equals(assignment.TeamOfficerIds[0], officerId, StringComparison.Ordinal);
            if (assignment.IsLeader != leadsTeam)
            {
                throw new ValidationException(
                    "assignments.isLeader", assignment.IsLeader ? "true" : "false",
                    $"disagrees with the team list of {assignment.CreditCode}, led by {assignment.TeamOfficerIds[0]}");
            }

            if (!seen.Add(assignment.CreditCode))
            {
                throw new ValidationException("assignments.creditCode", assignment.CreditCode, "appears twice");
            }
        }
    }

    private static string ComposeBody(
        string drawId,
        string planName,
        string officeName,
        Officer officer,
        List<Assignment> targets,
        List<string> itemCodes,
        IReadOnlyDictionary<string, InspectionItem> items,
        DateOnly deadline)
    {
        var body = new StringBuilder();
        Line(body, $"{officer.Name}同志：");
        Line(body, string.Empty);
        Line(body, $"{officeName}已完成双随机抽查计划“{planName}”的抽取（抽取编号 {drawId}），"
            + $"您被随机选派检查以下 {targets.Count} 户用人单位，请按期完成检查。");
        Line(body, string.Empty);

        Line(body, "一、检查对象");
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            Line(body, $"{i + 1}. {target.EmployerName}");
            Line(body, $"   统一社会信用代码：{target.CreditCode}");
            Line(body, $"   {DescribeRole(target, officer.OfficerId)}");
            Line(body, $"   检查事项：{string.Join(ListSeparator, target.ItemCodes)}");
        }

        Line(body, string.Empty);
        Line(body, "二、检查事项");
        foreach (var code in itemCodes)
        {
            var item = items[code];
            Line(body, $"{item.Code}（{item.Category}）：{item.Content}");
        }

        Line(body, string.Empty);
        Line(body, "三、完成期限");
        Line(body, $"请于 {FormatDate(deadline)}（含当日）前完成以上检查。");
        Line(body, string.Empty);
        Line(body, "四、查询抽取记录");
        Line(body, $"抽取编号：{drawId}");
        Line(body, "在代码仓库根目录下运行以下命令，可核验本次抽取记录：");
        Line(body, $"{VerifyCommand} {drawId}");
        Line(body, string.Empty);
        Line(body, "本邮件由系统自动发送，请勿直接回复。");
        return body.ToString();
    }

    // The team list is leader first, as stored with the assignment.
    private static string DescribeRole(Assignment target, string officerId)
    {
        var others = target.TeamOfficerIds.Where(id => !string.Equals(id, officerId, StringComparison.Ordinal));
        if (target.IsLeader)
        {
            return $"本组角色：组长；组员：{JoinOrNone(others)}";
        }

        var leader = target.TeamOfficerIds[0];
        var members = others.Where(id => !string.Equals(id, leader, StringComparison.Ordinal));
        return $"本组角色：组员；组长：{leader}；其他组员：{JoinOrNone(members)}";
    }

    private static string JoinOrNone(IEnumerable<string> ids)
    {
        var text = string.Join(ListSeparator, ids);
        return text.Length == 0 ? "无" : text;
    }

    // Lines end in LF whatever the platform, so the body and its encoding are the same everywhere.
    private static void Line(StringBuilder body, string text) => body.Append(text).Append('\n');
}
