using System.Globalization;
using System.Text;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>
/// Draws teams for the targets of one office draw, one call per target in selection order. The rules, checked
/// in this order, keep an officer who is active and whose certificate is valid on the inspection date (expiry
/// on or after it). The officer must be qualified for every item, have declared no conflict with the target,
/// not be on its previous team, and have fewer teams in this draw than the cap.
/// </summary>
internal sealed class TeamDrawer
{
    private const int Eligible = -1;
    private const int NotActive = -2;
    private const int CertificateExpired = -3;

    private readonly OfficeDrawInput input;
    private readonly string baseKey;

    // Per roster entry: Eligible, NotActive, CertificateExpired, or the position of the first missing item.
    private readonly int[] standingRule;
    private readonly int[] qualifiedOfficers;
    private readonly Dictionary<string, List<int>> conflictsByTarget;
    private readonly Dictionary<string, int> rosterPositions;
    private readonly int[] assignedTeams;
    private readonly int[] excludedStamp;
    private readonly int[] eligibleBuffer;
    private int targetStamp;

    public TeamDrawer(OfficeDrawInput input, int targetCount)
    {
        this.input = input;
        baseKey = Rfc3797.BuildKey(input.EntropySources);
        var roster = input.Roster;
        standingRule = new int[roster.Count];
        var qualified = new List<int>(roster.Count);
        conflictsByTarget = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        rosterPositions = new Dictionary<string, int>(roster.Count, StringComparer.Ordinal);
        for (var i = 0; i < roster.Count; i++)
        {
            var officer = roster[i];
            rosterPositions[officer.OfficerId] = i;
            standingRule[i] = StandingRule(officer);
            if (standingRule[i] != Eligible)
            {
                continue;
            }

            qualified.Add(i);
            foreach (var creditCode in officer.Conflicts)
            {
                if (!conflictsByTarget.TryGetValue(creditCode, out var officers))
                {
                    officers = [];
                    conflictsByTarget[creditCode] = officers;
                }

                officers.Add(i);
            }
        }

        qualifiedOfficers = [.. qualified];
        Cap = input.MaxTargetsPerOfficer ?? EvenShareCap(targetCount, input.OfficersPerTarget, qualified.Count);
        assignedTeams = new int[roster.Count];
        excludedStamp = new int[roster.Count];
        eligibleBuffer = new int[roster.Count];
    }

    /// <summary>
    /// Teams an officer may join in this draw: the plan's cap, or else the even share
    /// ceil(targets × team size / qualified officers) + 1, where qualified officers are the active ones with a
    /// valid certificate and every item. With no qualified officer the cap is 0, since no team can be drawn.
    /// </summary>
    public int Cap { get; }

    /// <summary>
    /// Draws the team of one target, leader first, and counts it against each member's cap. Returns null and
    /// sets <paramref name="shortfall"/> when fewer officers are eligible than a team needs, using no cap then.
    /// </summary>
    public IReadOnlyList<TeamMember>? DrawTeam(string creditCode, out UnstaffedTarget? shortfall)
    {
        // A fresh stamp per target marks its conflicted and previous-team officers without clearing an array.
        targetStamp++;
        var conflicted = MarkConflicts(creditCode);
        var previous = MarkPreviousTeam(creditCode);
        var atCap = 0;
        var eligibleCount = 0;
        foreach (var officer in qualifiedOfficers)
        {
            if (excludedStamp[officer] == targetStamp)
            {
                continue;
            }

            if (assignedTeams[officer] >= Cap)
            {
                atCap++;
                continue;
            }

            eligibleBuffer[eligibleCount++] = officer;
        }

        if (eligibleCount < input.OfficersPerTarget)
        {
            var reason = DescribeShortfall(eligibleCount, conflicted, previous, atCap);
            shortfall = new UnstaffedTarget(creditCode, eligibleCount, reason);
            return null;
        }

        var key = baseKey + Rfc3797.BuildKey([creditCode]);
        var positions = Rfc3797Selector.Select(key, eligibleCount, input.OfficersPerTarget);
        var team = new TeamMember[positions.Count];
        for (var j = 0; j < positions.Count; j++)
        {
            var officer = eligibleBuffer[positions[j]];
            assignedTeams[officer]++;
            team[j] = new TeamMember(input.Roster[officer].OfficerId, IsLeader: j == 0, Index: j);
        }

        shortfall = null;
        return team;
    }

    private static int EvenShareCap(int targetCount, int officersPerTarget, int qualifiedCount)
    {
        if (qualifiedCount == 0)
        {
            return 0;
        }

        var seats = (long)targetCount * officersPerTarget;
        return (int)((seats + qualifiedCount - 1) / qualifiedCount) + 1;
    }

    private int StandingRule(RosterEntry officer)
    {
        if (officer.Status != OfficerStatus.Active)
        {
            return NotActive;
        }

        if (officer.CertificateExpiry < input.InspectionDate)
        {
            return CertificateExpired;
        }

        for (var item = 0; item < input.ItemCodes.Count; item++)
        {
            if (!officer.Qualifications.Contains(input.ItemCodes[item], StringComparer.Ordinal))
            {
                return item;
            }
        }

        return Eligible;
    }

    private int MarkConflicts(string creditCode)
    {
        var count = 0;
        if (conflictsByTarget.TryGetValue(creditCode, out var officers))
        {
            foreach (var officer in officers)
            {
                // An officer who lists the same employer twice is counted once.
                if (excludedStamp[officer] != targetStamp)
                {
                    excludedStamp[officer] = targetStamp;
                    count++;
                }
            }
        }

        return count;
    }

    private int MarkPreviousTeam(string creditCode)
    {
        var count = 0;
        if (!input.PreviousTeams.TryGetValue(creditCode, out var officerIds))
        {
            return count;
        }

        foreach (var officerId in officerIds)
        {
            // Officers who left the roster, or who fail an earlier rule, are not counted here.
            if (rosterPositions.TryGetValue(officerId, out var officer)
                && standingRule[officer] == Eligible
                && excludedStamp[officer] != targetStamp)
            {
                excludedStamp[officer] = targetStamp;
                count++;
            }
        }

        return count;
    }

    private string DescribeShortfall(int eligibleCount, int conflicted, int previous, int atCap)
    {
        var notActive = 0;
        var expired = 0;
        var notQualified = new int[input.ItemCodes.Count];
        foreach (var rule in standingRule)
        {
            switch (rule)
            {
                case NotActive:
                    notActive++;
                    break;
                case CertificateExpired:
                    expired++;
                    break;
                case >= 0:
                    notQualified[rule]++;
                    break;
            }
        }

        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"{eligibleCount} eligible of {standingRule.Length}: ");
        text.Append(culture, $"{notActive} not active, {expired} certificate expired, ");
        for (var item = 0; item < notQualified.Length; item++)
        {
            text.Append(culture, $"{notQualified[item]} not qualified for {input.ItemCodes[item]}, ");
        }

        text.Append(culture, $"{conflicted} declared conflict, {previous} on previous team, {atCap} at cap of {Cap}");
        return text.ToString();
    }
}
