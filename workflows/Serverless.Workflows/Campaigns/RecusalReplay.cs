using System.Globalization;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Replays the recusals of one office record in number order, each on top of the stored recusals before it, and
/// reports every replacement or team that differs from what the recusal states.
/// </summary>
public static class RecusalReplay
{
    /// <summary>Adds a problem for each recusal of the record's office that the replay does not reproduce.</summary>
    public static async Task CheckAsync(
        IRecordStore records,
        OfficeDrawRecord record,
        RosterSnapshot roster,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(problems);
        var all = await RecusalReader.ListAsync(records, record.DrawId, cancellationToken);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Number != i + 1)
            {
                problems.Add(Text($"recusal {i + 1} is missing; the list goes on with recusal {all[i].Number}"));
                return;
            }
        }

        var departmentRosters = new Dictionary<string, RosterSnapshot>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            var recusal = all[i];
            if (recusal.OfficeCode != record.OfficeCode)
            {
                continue;
            }

            RecusalReplacement replay;
            try
            {
                if (recusal.DepartmentCode is null)
                {
                    replay = RecusalDraw.Replace(record, roster, [.. all.Take(i)], recusal.CreditCode, recusal.OfficerId);
                }
                else
                {
                    var departmentRoster = await DepartmentRosterAsync(
                        records, record, recusal.DepartmentCode, departmentRosters, cancellationToken);
                    replay = RecusalDraw.ReplaceDepartmentMember(
                        record, recusal.DepartmentCode, departmentRoster, [.. all.Take(i)], recusal.CreditCode, recusal.OfficerId);
                }
            }
            catch (CampaignRejectedException rejected)
            {
                problems.Add(Text($"recusal {recusal.Number}: the replay cannot draw a replacement: {rejected.Message}"));
                return;
            }

            if (replay.ReplacementOfficerId != recusal.ReplacementOfficerId || replay.Index != recusal.Index)
            {
                problems.Add(
                    Text($"recusal {recusal.Number} ({recusal.CreditCode}): the record names {recusal.ReplacementOfficerId} ")
                    + Text($"at index {recusal.Index}, the replay draws {replay.ReplacementOfficerId} at index {replay.Index}"));
            }
            else if (!replay.Team.SequenceEqual(recusal.Team))
            {
                problems.Add(Text($"recusal {recusal.Number} ({recusal.CreditCode}): the recorded team differs from the replay"));
            }
        }
    }

    private static async Task<RosterSnapshot> DepartmentRosterAsync(
        IRecordStore records,
        OfficeDrawRecord record,
        string departmentCode,
        Dictionary<string, RosterSnapshot> cache,
        CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(departmentCode, out var cached))
        {
            return cached;
        }

        var part = record.Joint?.Departments.FirstOrDefault(d => d.Code == departmentCode)
            ?? throw new CampaignRejectedException($"department {departmentCode} takes no part in the record");
        var bytes = await records.ReadAsync(part.Roster.Path, cancellationToken)
            ?? throw new CampaignRejectedException($"roster snapshot '{part.Roster.Path}' is missing");
        var roster = RecordJson.Deserialize<RosterSnapshot>(bytes);
        cache[departmentCode] = roster;
        return roster;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
