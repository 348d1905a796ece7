using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Assignment rows of an office record's targets, as the scheduled draw writes them. In a joint campaign every
/// member of the joint team gets a row, and each row lists the whole joint team.
/// </summary>
public static class CampaignAssignments
{
    /// <summary>Returns one row per team member of each target.</summary>
    public static List<Assignment> Rows(
        OfficeDrawRecord record, IEnumerable<DrawnTarget> targets, IReadOnlyDictionary<string, string> employerNames)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(employerNames);
        var rows = new List<Assignment>();
        foreach (var target in targets)
        {
            var members = JointDraw.Team(record, target);
            var team = members.Select(m => m.OfficerId).ToList();
            foreach (var member in members)
            {
                rows.Add(new Assignment(
                    record.DrawId,
                    record.OfficeCode,
                    member.OfficerId,
                    target.CreditCode,
                    employerNames.GetValueOrDefault(target.CreditCode, ""),
                    member.IsLeader,
                    team,
                    record.ItemCodes,
                    record.DrawnOn,
                    record.Deadline));
            }
        }

        return rows;
    }
}
