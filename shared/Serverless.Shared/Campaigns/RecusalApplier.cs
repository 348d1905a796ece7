using Serverless.Shared.Records;

namespace Serverless.Shared.Campaigns;

/// <summary>Applies recorded recusals to an office record, giving the teams as they stand after them.</summary>
public static class RecusalApplier
{
    /// <summary>
    /// Returns the record with the recusals of its office applied in number order, trusting their stored teams. A
    /// lead recusal replaces the target's team in <see cref="OfficeDrawRecord.Selected"/>; a department's recusal
    /// replaces that department's members of the target in <see cref="OfficeDrawRecord.Joint"/>.
    /// </summary>
    public static OfficeDrawRecord Apply(OfficeDrawRecord record, IEnumerable<RecusalRecord> recusals)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(recusals);
        var targets = record.Selected.ToList();
        var departments = record.Joint?.Departments.Select(d => d.Teams.ToList()).ToList() ?? [];
        foreach (var recusal in recusals.Where(r => r.OfficeCode == record.OfficeCode).OrderBy(r => r.Number))
        {
            if (recusal.DepartmentCode is null)
            {
                var i = targets.FindIndex(t => t.CreditCode == recusal.CreditCode);
                if (i >= 0)
                {
                    targets[i] = targets[i] with { Team = recusal.Team };
                }

                continue;
            }

            var d = record.Joint?.Departments.ToList().FindIndex(p => p.Code == recusal.DepartmentCode) ?? -1;
            if (d < 0)
            {
                continue;
            }

            var j = departments[d].FindIndex(t => t.CreditCode == recusal.CreditCode);
            if (j >= 0)
            {
                departments[d][j] = departments[d][j] with { Members = recusal.Team };
            }
        }

        var joint = record.Joint is null
            ? null
            : record.Joint with
            {
                Departments = [.. record.Joint.Departments.Select((part, i) => part with { Teams = departments[i] })],
            };
        return record with { Selected = targets, Joint = joint };
    }
}
