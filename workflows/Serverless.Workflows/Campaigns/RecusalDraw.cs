using Serverless.Shared.Campaigns;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Draws the replacement of a recused officer by continuing the target's team sequence: the key is the draw's
/// sources plus the target's credit code, as for the team itself, and the index is the next one after every
/// index the target's team has used. The candidates, in roster order, are the officers who are active, certified
/// on the deadline, qualified for every item, free of a declared conflict with the target, not on its previous
/// team, never on this team, not recused as unavailable in this draw, and below the draw's cap.
/// </summary>
public static class RecusalDraw
{
    /// <summary>
    /// Applies earlier recusals to an office's recorded targets, in number order, trusting their stored teams.
    /// </summary>
    public static List<DrawnTarget> CurrentTargets(OfficeDrawRecord record, IEnumerable<RecusalRecord> recusals)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(recusals);
        var targets = record.Selected.ToList();
        foreach (var recusal in recusals.Where(r => r.OfficeCode == record.OfficeCode).OrderBy(r => r.Number))
        {
            var i = targets.FindIndex(t => t.CreditCode == recusal.CreditCode);
            if (i >= 0)
            {
                targets[i] = targets[i] with { Team = recusal.Team };
            }
        }

        return targets;
    }

    /// <summary>
    /// Draws the replacement of <paramref name="officerId"/> on <paramref name="creditCode"/>'s team. Returns the
    /// candidates, index, replacement and new team, or raises why it cannot.
    /// </summary>
    /// <param name="record">Office record of the draw.</param>
    /// <param name="roster">Roster snapshot of that record.</param>
    /// <param name="targets">The office's targets with every earlier recusal applied.</param>
    /// <param name="earlier">Every earlier recusal of the draw, of any office.</param>
    /// <param name="creditCode">Target employer.</param>
    /// <param name="officerId">Officer who leaves the team.</param>
    /// <exception cref="CampaignRejectedException">The officer is not on the team, or no officer can replace them.</exception>
    public static RecusalReplacement Replace(
        OfficeDrawRecord record,
        RosterSnapshot roster,
        IReadOnlyList<DrawnTarget> targets,
        IReadOnlyList<RecusalRecord> earlier,
        string creditCode,
        string officerId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(earlier);
        var target = targets.FirstOrDefault(t => t.CreditCode == creditCode)
            ?? throw new CampaignRejectedException($"Employer {creditCode} is not a target of office {record.OfficeCode}.");
        var member = target.Team.FirstOrDefault(m => m.OfficerId == officerId)
            ?? throw new CampaignRejectedException($"Officer {officerId} is not on the team of target {creditCode}.");

        var everOnTeam = earlier
            .Where(r => r.OfficeCode == record.OfficeCode && r.CreditCode == creditCode)
            .Select(r => r.OfficerId)
            .Concat(record.Selected.Single(t => t.CreditCode == creditCode).Team.Select(m => m.OfficerId))
            .Concat(target.Team.Select(m => m.OfficerId))
            .ToHashSet(StringComparer.Ordinal);
        var unavailable = earlier
            .Where(r => r.Kind == RecusalKind.Unavailable)
            .Select(r => r.OfficerId)
            .ToHashSet(StringComparer.Ordinal);
        var teams = targets
            .SelectMany(t => t.Team)
            .GroupBy(m => m.OfficerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var previous = roster.PreviousTeams.GetValueOrDefault(creditCode) ?? [];

        var candidates = roster.Officers
            .Where(o => o.Status == Shared.Domain.OfficerStatus.Active
                && o.CertificateExpiry >= record.Deadline
                && record.ItemCodes.All(code => o.Qualifications.Contains(code, StringComparer.Ordinal))
                && !o.Conflicts.Contains(creditCode, StringComparer.Ordinal)
                && !previous.Contains(o.OfficerId, StringComparer.Ordinal)
                && !everOnTeam.Contains(o.OfficerId)
                && !unavailable.Contains(o.OfficerId)
                && teams.GetValueOrDefault(o.OfficerId) < record.MaxTargetsPerOfficer)
            .Select(o => o.OfficerId)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new CampaignRejectedException(
                $"Target {creditCode} cannot be restaffed: no officer of the roster passes every rule for a replacement.");
        }

        var usedIndexes = earlier
            .Where(r => r.OfficeCode == record.OfficeCode && r.CreditCode == creditCode)
            .Select(r => r.Index)
            .Concat(record.Selected.Single(t => t.CreditCode == creditCode).Team.Select(m => m.Index));
        var index = usedIndexes.Max() + 1;
        var key = Rfc3797.BuildKey(record.Entropy.Sources) + Rfc3797.BuildKey([creditCode]);
        var position = (int)(Rfc3797.ValueAt(key, index) % (uint)candidates.Count);
        var replacement = candidates[position];

        var remaining = target.Team.Where(m => m.OfficerId != officerId).ToList();
        remaining.Add(new TeamMember(replacement, false, index));

        // A recused leader hands over to the remaining member drawn first, the way the first drawn leads a new team.
        var leader = member.IsLeader ? remaining.MinBy(m => m.Index)!.OfficerId : target.Team.Single(m => m.IsLeader).OfficerId;
        var team = remaining
            .Select(m => m with { IsLeader = m.OfficerId == leader })
            .OrderByDescending(m => m.IsLeader)
            .ThenBy(m => m.Index)
            .ToList();
        return new RecusalReplacement(candidates, index, replacement, team);
    }
}

/// <summary>The drawn replacement of a recused officer.</summary>
/// <param name="Candidates">Eligible officers in roster order.</param>
/// <param name="Index">RFC 3797 index that drew the replacement.</param>
/// <param name="ReplacementOfficerId">Officer drawn.</param>
/// <param name="Team">The team after the replacement, leader first.</param>
public sealed record RecusalReplacement(
    IReadOnlyList<string> Candidates, int Index, string ReplacementOfficerId, IReadOnlyList<TeamMember> Team);
