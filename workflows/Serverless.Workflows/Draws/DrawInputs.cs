using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;

namespace Serverless.Workflows.Draws;

/// <summary>Builds the engine input of an office's draw, the same way for the draw and for its verification.</summary>
public static class DrawInputs
{
    public static OfficeDrawInput Create(
        string officeCode,
        IReadOnlyList<string> itemCodes,
        TargetRule targets,
        int officersPerTarget,
        int? maxTargetsPerOfficer,
        DateOnly deadline,
        IReadOnlyList<string> entropySources,
        FrozenPool pool,
        RosterSnapshot roster)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(roster);
        return new OfficeDrawInput(
            officeCode,
            pool.Entries,
            roster.Officers,
            itemCodes,
            targets,
            officersPerTarget,
            maxTargetsPerOfficer,
            deadline,
            entropySources,
            roster.PreviousTeams);
    }

    /// <summary>Builds the roster snapshot: canonical order, eligibility facts only, previous teams of pool employers.</summary>
    public static RosterSnapshot Snapshot(
        string officeCode,
        IEnumerable<Officer> officers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> previousTeams,
        IReadOnlyList<PoolEntry> pool)
    {
        var entries = officers
            .OrderBy(o => o.OfficerId, StringComparer.Ordinal)
            .Select(o => new RosterEntry(o.OfficerId, o.Status, o.CertificateExpiry, o.Qualifications, o.Conflicts))
            .ToList();
        var teams = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in pool)
        {
            if (previousTeams.TryGetValue(entry.CreditCode, out var team))
            {
                teams[entry.CreditCode] = team;
            }
        }

        return new RosterSnapshot(officeCode, entries, teams);
    }
}
