using Serverless.Shared.Domain;

namespace Serverless.Shared.Milestones;

/// <summary>The rules that decide from the data whether a milestone is met, and describe what is missing.</summary>
public static class CompletionRules
{
    /// <summary>
    /// Counts the active officers whose certificates are valid on the due date against the required number.
    /// </summary>
    public static MilestoneProgress Roster(IReadOnlyCollection<Officer> officers, int required, DateOnly dueDate)
    {
        ArgumentNullException.ThrowIfNull(officers);
        var active = officers.Where(o => o.Status == OfficerStatus.Active).ToList();
        var valid = active.Count(o => o.CertificateExpiry >= dueDate);
        if (valid >= required)
        {
            return new MilestoneProgress(true, "");
        }

        var expired = active.Count - valid;
        var missing = $"需要 {required} 名在岗且执法证有效的执法人员，现有 {valid} 名，还差 {required - valid} 名";
        return new MilestoneProgress(false, expired > 0 ? $"{missing}；{expired} 名执法人员的执法证已过期" : missing);
    }

    /// <summary>Compares the employer count of an office with its target.</summary>
    public static MilestoneProgress Registry(int employers, int target) =>
        employers >= target
            ? new MilestoneProgress(true, "")
            : new MilestoneProgress(false, $"用人单位信息库目标 {target} 户，现有 {employers} 户，还差 {target - employers} 户");

    /// <summary>Requires at least one uploaded document and the acknowledgement of the office above.</summary>
    public static MilestoneProgress Filing(FilingState filing, string reviewerName)
    {
        ArgumentNullException.ThrowIfNull(filing);
        if (filing.Documents == 0)
        {
            return new MilestoneProgress(false, "尚未上传备案材料");
        }

        return filing.Acknowledgement is null
            ? new MilestoneProgress(false, $"已上传 {filing.Documents} 份材料，{reviewerName}尚未确认")
            : new MilestoneProgress(true, "");
    }

    /// <summary>Requires at least one uploaded publication document.</summary>
    public static MilestoneProgress Publication(FilingState filing)
    {
        ArgumentNullException.ThrowIfNull(filing);
        return filing.Documents > 0 ? new MilestoneProgress(true, "") : new MilestoneProgress(false, "尚未上传结果公开材料");
    }

    /// <summary>Requires at least one recorded draw of the office.</summary>
    public static MilestoneProgress Draws(int draws) =>
        draws > 0 ? new MilestoneProgress(true, "") : new MilestoneProgress(false, "尚未完成任何一次双随机抽取");
}
