using Serverless.Shared.Campaigns;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Draws the replacement of a recused officer by continuing the target's team sequence: the key is the team's
/// sources plus the target's credit code, as for the team itself, and the index is the next one after every index
/// the team has used. The candidates, in roster order, are the officers who are active, certified on the deadline,
/// free of a declared conflict with the target, never on this team, not recused as unavailable in this draw, and
/// below the draw's cap. For the lead department they must also be qualified for every item and not on the
/// target's previous team. A participating department's officer is replaced from that department's roster.
/// </summary>
public static class RecusalDraw
{
    /// <summary>
    /// Returns the participating department whose members of the target's current team include the officer, or
    /// null when the officer is not a department member there.
    /// </summary>
    public static string? FindDepartment(OfficeDrawRecord current, string creditCode, string officerId)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.Joint?.Departments
            .FirstOrDefault(d => d.Teams.Any(t => t.CreditCode == creditCode && t.Members.Any(m => m.OfficerId == officerId)))
            ?.Code;
    }

    /// <summary>
    /// Draws the replacement of <paramref name="officerId"/> on the lead department's team of
    /// <paramref name="creditCode"/>, after the <paramref name="earlier"/> recusals of the draw.
    /// </summary>
    /// <exception cref="CampaignRejectedException">The officer is not on the team, or no officer can replace them.</exception>
    public static RecusalReplacement Replace(
        OfficeDrawRecord record,
        RosterSnapshot roster,
        IReadOnlyList<RecusalRecord> earlier,
        string creditCode,
        string officerId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(earlier);
        var current = RecusalApplier.Apply(record, earlier);
        var target = current.Selected.FirstOrDefault(t => t.CreditCode == creditCode)
            ?? throw new CampaignRejectedException($"Employer {creditCode} is not a target of office {record.OfficeCode}.");
        var member = target.Team.FirstOrDefault(m => m.OfficerId == officerId)
            ?? throw new CampaignRejectedException($"Officer {officerId} is not on the team of target {creditCode}.");
        var original = record.Selected.Single(t => t.CreditCode == creditCode).Team;
        var sameTeam = earlier.Where(r => r.OfficeCode == record.OfficeCode && r.CreditCode == creditCode && r.DepartmentCode is null);

        var (candidates, index, replacement) = Draw(
            roster,
            record.ItemCodes,
            record.Deadline,
            creditCode,
            roster.PreviousTeams.GetValueOrDefault(creditCode) ?? [],
            Excluded(sameTeam, original, target.Team, earlier),
            Counts(current.Selected.SelectMany(t => t.Team)),
            record.MaxTargetsPerOfficer,
            record.Entropy.Sources,
            sameTeam.Select(r => r.Index).Concat(original.Select(m => m.Index)));

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

    /// <summary>
    /// Draws the replacement of a participating department's officer on its members of the target's team, from the
    /// department's roster snapshot and by the department's sources.
    /// </summary>
    /// <exception cref="CampaignRejectedException">The officer is not among the members, or no officer can replace them.</exception>
    public static RecusalReplacement ReplaceDepartmentMember(
        OfficeDrawRecord record,
        string departmentCode,
        RosterSnapshot roster,
        IReadOnlyList<RecusalRecord> earlier,
        string creditCode,
        string officerId)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(earlier);
        var current = RecusalApplier.Apply(record, earlier);
        var part = current.Joint?.Departments.FirstOrDefault(d => d.Code == departmentCode)
            ?? throw new CampaignRejectedException($"Department {departmentCode} takes no part in draw {record.DrawId}.");
        var members = part.Teams.FirstOrDefault(t => t.CreditCode == creditCode)?.Members ?? [];
        if (members.All(m => m.OfficerId != officerId))
        {
            throw new CampaignRejectedException(
                $"Officer {officerId} is not among department {departmentCode}'s members of target {creditCode}.");
        }

        var original = record.Joint!.Departments.Single(d => d.Code == departmentCode).Teams
            .Single(t => t.CreditCode == creditCode).Members;
        var sameTeam = earlier.Where(r =>
            r.OfficeCode == record.OfficeCode && r.CreditCode == creditCode && r.DepartmentCode == departmentCode);

        var (candidates, index, replacement) = Draw(
            roster,
            [],
            record.Deadline,
            creditCode,
            [],
            Excluded(sameTeam, original, members, earlier),
            Counts(part.Teams.SelectMany(t => t.Members)),
            part.MaxTargetsPerOfficer,
            part.Sources,
            sameTeam.Select(r => r.Index).Concat(original.Select(m => m.Index)));

        var team = members
            .Where(m => m.OfficerId != officerId)
            .Append(new TeamMember(replacement, false, index))
            .OrderBy(m => m.Index)
            .ToList();
        return new RecusalReplacement(candidates, index, replacement, team);
    }

    /// <summary>Officers never to draw: everyone ever on this team, and everyone recused as unavailable in the draw.</summary>
    private static HashSet<string> Excluded(
        IEnumerable<RecusalRecord> sameTeam,
        IEnumerable<TeamMember> original,
        IEnumerable<TeamMember> current,
        IEnumerable<RecusalRecord> earlier) =>
        sameTeam.Select(r => r.OfficerId)
            .Concat(original.Select(m => m.OfficerId))
            .Concat(current.Select(m => m.OfficerId))
            .Concat(earlier.Where(r => r.Kind == RecusalKind.Unavailable).Select(r => r.OfficerId))
            .ToHashSet(StringComparer.Ordinal);

    private static Dictionary<string, int> Counts(IEnumerable<TeamMember> members) =>
        members
            .GroupBy(m => m.OfficerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static (List<string> Candidates, int Index, string Replacement) Draw(
        RosterSnapshot roster,
        IReadOnlyList<string> itemCodes,
        DateOnly deadline,
        string creditCode,
        IReadOnlyList<string> previous,
        HashSet<string> excluded,
        Dictionary<string, int> teams,
        int cap,
        IReadOnlyList<string> sources,
        IEnumerable<int> usedIndexes)
    {
        var candidates = roster.Officers
            .Where(o => o.Status == Shared.Domain.OfficerStatus.Active
                && o.CertificateExpiry >= deadline
                && itemCodes.All(code => o.Qualifications.Contains(code, StringComparer.Ordinal))
                && !o.Conflicts.Contains(creditCode, StringComparer.Ordinal)
                && !previous.Contains(o.OfficerId, StringComparer.Ordinal)
                && !excluded.Contains(o.OfficerId)
                && teams.GetValueOrDefault(o.OfficerId) < cap)
            .Select(o => o.OfficerId)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new CampaignRejectedException(
                $"Target {creditCode} cannot be restaffed: no officer of the roster passes every rule for a replacement.");
        }

        var index = usedIndexes.Max() + 1;
        var key = Rfc3797.BuildKey(sources) + Rfc3797.BuildKey([creditCode]);
        var position = (int)(Rfc3797.ValueAt(key, index) % (uint)candidates.Count);
        return (candidates, index, candidates[position]);
    }
}

/// <summary>The drawn replacement of a recused officer.</summary>
/// <param name="Candidates">Eligible officers in roster order.</param>
/// <param name="Index">RFC 3797 index that drew the replacement.</param>
/// <param name="ReplacementOfficerId">Officer drawn.</param>
/// <param name="Team">The team after the replacement: leader first, or the department's members in index order.</param>
public sealed record RecusalReplacement(
    IReadOnlyList<string> Candidates, int Index, string ReplacementOfficerId, IReadOnlyList<TeamMember> Team);
