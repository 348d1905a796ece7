using System.Globalization;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Draws;

/// <summary>
/// Draws one office's targets and their teams by RFC 3797. The draw is a pure function of its input, so
/// verifying a stored draw means running <see cref="Draw"/> again and comparing with <see cref="SameOutcome"/>.
/// </summary>
public static class OfficeDrawEngine
{
    /// <summary>Stratum name of an unstratified draw.</summary>
    public const string AllStratum = "all";

    /// <summary>Stratum name of the risk-flagged entries, and the source added to the key of that stratum.</summary>
    public const string RiskStratum = "risk";

    /// <summary>Stratum name of the entries without a risk flag, and the source added to its key.</summary>
    public const string GeneralStratum = "general";

    /// <summary>
    /// Draws the targets, then a team for each in selection order. Without a risk ratio there is one stratum
    /// "all" over the pool, keyed by the entropy sources. With one, stratum "risk" (risk-flagged entries, by the
    /// risk ratio) is keyed by the sources plus "risk", then stratum "general" (the rest, by the target rule) by
    /// the sources plus "general". Each team is drawn by the sources plus the target's credit code from the
    /// officers who are active, certified on the inspection date, qualified for every item, free of a declared
    /// conflict with the target, not on its previous team, and below the cap.
    /// </summary>
    /// <exception cref="ValidationException">The input breaks a rule, so nothing is drawn.</exception>
    public static OfficeDrawOutcome Draw(OfficeDrawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input, minimumTeam: 2);
        if (input.ItemCodes.Count == 0)
        {
            throw new ValidationException("itemCodes", null, "is empty. A draw has at least one inspection item");
        }

        var selections = DrawTargets(input);
        var teams = new TeamDrawer(input, selections.Count);
        var targets = new List<DrawnTarget>(selections.Count);
        var unstaffed = new List<UnstaffedTarget>();
        for (var i = 0; i < selections.Count; i++)
        {
            var selection = selections[i];
            var team = teams.DrawTeam(selection.CreditCode, out var shortfall);
            if (team is null)
            {
                unstaffed.Add(shortfall!);
                continue;
            }

            targets.Add(new DrawnTarget(
                i + 1, selection.Stratum, selection.Index, selection.PoolLine, selection.CreditCode, team));
        }

        return new OfficeDrawOutcome(targets, unstaffed, teams.Cap);
    }

    /// <summary>
    /// Draws a team for each given target, in the given order, by the same rules and RFC 3797 keys as
    /// <see cref="Draw"/>, without drawing targets. A joint campaign's participating department uses it to draw its
    /// members of targets that the lead department drew. Unlike <see cref="Draw"/>, a team of one is allowed, and an
    /// empty item list means that no qualification is checked.
    /// </summary>
    /// <exception cref="ValidationException">The input breaks a rule, so nothing is drawn.</exception>
    public static OfficeDrawOutcome DrawTeams(OfficeDrawInput input, IReadOnlyList<string> creditCodes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(creditCodes);
        Validate(input, minimumTeam: 1);

        var teams = new TeamDrawer(input, creditCodes.Count);
        var targets = new List<DrawnTarget>(creditCodes.Count);
        var unstaffed = new List<UnstaffedTarget>();
        for (var i = 0; i < creditCodes.Count; i++)
        {
            var team = teams.DrawTeam(creditCodes[i], out var shortfall);
            if (team is null)
            {
                unstaffed.Add(shortfall!);
                continue;
            }

            targets.Add(new DrawnTarget(i + 1, AllStratum, i, 0, creditCodes[i], team));
        }

        return new OfficeDrawOutcome(targets, unstaffed, teams.Cap);
    }

    /// <summary>Returns true when two outcomes have the same targets, teams, unstaffed targets and cap.</summary>
    public static bool SameOutcome(OfficeDrawOutcome a, OfficeDrawOutcome b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.MaxTargetsPerOfficer != b.MaxTargetsPerOfficer
            || a.Targets.Count != b.Targets.Count
            || !a.Unstaffed.SequenceEqual(b.Unstaffed))
        {
            return false;
        }

        for (var i = 0; i < a.Targets.Count; i++)
        {
            var x = a.Targets[i];
            var y = b.Targets[i];
            if (x with { Team = y.Team } != y || !x.Team.SequenceEqual(y.Team))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits the pool into strata, in drawing order, with each stratum's candidates, target count and RFC 3797
    /// sources. Publishing each stratum's candidates and sources lets anyone rerun its selection alone.
    /// </summary>
    /// <exception cref="ValidationException">The target rule is invalid for the pool.</exception>
    public static IReadOnlyList<StratumPlan> PlanStrata(OfficeDrawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Targets.RiskRatio is not { } riskRatio)
        {
            var count = TargetCount.FromRule(input.Pool.Count, input.Targets);
            return [new StratumPlan(AllStratum, input.Pool, count, [.. input.EntropySources])];
        }

        var risk = input.Pool.Where(entry => entry.RiskFlagged).ToList();
        var general = input.Pool.Where(entry => !entry.RiskFlagged).ToList();
        return
        [
            new StratumPlan(
                RiskStratum,
                risk,
                TargetCount.FromRatio(risk.Count, riskRatio, "targets.riskRatio"),
                [.. input.EntropySources, RiskStratum]),
            new StratumPlan(
                GeneralStratum,
                general,
                TargetCount.FromRule(general.Count, input.Targets),
                [.. input.EntropySources, GeneralStratum]),
        ];
    }

    private static List<TargetSelection> DrawTargets(OfficeDrawInput input)
    {
        var selections = new List<TargetSelection>();
        foreach (var stratum in PlanStrata(input))
        {
            if (stratum.Count > Rfc3797Selector.MaxCount)
            {
                throw new ValidationException(
                    "targets",
                    stratum.Count.ToString(CultureInfo.InvariantCulture),
                    $"is more than the 65,536 selections one RFC 3797 key gives (stratum {stratum.Name})");
            }

            var key = Rfc3797.BuildKey(stratum.Sources);
            var positions = Rfc3797Selector.Select(key, stratum.Candidates.Count, stratum.Count);
            for (var j = 0; j < positions.Count; j++)
            {
                var entry = stratum.Candidates[positions[j]];
                selections.Add(new TargetSelection(stratum.Name, j, positions[j] + 1, entry.CreditCode));
            }
        }

        return selections;
    }

    private static void Validate(OfficeDrawInput input, int minimumTeam)
    {
        ArgumentNullException.ThrowIfNull(input.Pool);
        ArgumentNullException.ThrowIfNull(input.Roster);
        ArgumentNullException.ThrowIfNull(input.ItemCodes);
        ArgumentNullException.ThrowIfNull(input.Targets);
        ArgumentNullException.ThrowIfNull(input.EntropySources);
        ArgumentNullException.ThrowIfNull(input.PreviousTeams);
        if (input.OfficersPerTarget < minimumTeam)
        {
            throw new ValidationException(
                "officersPerTarget", Format(input.OfficersPerTarget), $"must be at least {Format(minimumTeam)}");
        }

        if (input.MaxTargetsPerOfficer is < 1)
        {
            throw new ValidationException(
                "maxTargetsPerOfficer", Format(input.MaxTargetsPerOfficer.Value), "must be at least 1, or null");
        }

        if (input.EntropySources.Count == 0)
        {
            throw new ValidationException("entropySources", null, "is empty. Declare at least one source");
        }

        for (var i = 1; i < input.Pool.Count; i++)
        {
            if (string.CompareOrdinal(input.Pool[i - 1].CreditCode, input.Pool[i].CreditCode) >= 0)
            {
                throw new ValidationException(
                    "pool", input.Pool[i].CreditCode, "is repeated or out of order. Sort the pool by credit code");
            }
        }

        for (var i = 1; i < input.Roster.Count; i++)
        {
            if (string.CompareOrdinal(input.Roster[i - 1].OfficerId, input.Roster[i].OfficerId) >= 0)
            {
                throw new ValidationException(
                    "roster", input.Roster[i].OfficerId, "is repeated or out of order. Sort the roster by officer id");
            }
        }
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record TargetSelection(string Stratum, int Index, int PoolLine, string CreditCode);
}
