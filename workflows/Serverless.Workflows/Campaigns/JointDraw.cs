using System.Globalization;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// The participating departments' part of a joint campaign: for the targets the lead department drew, each
/// department draws its own officers from its own roster. A department's team for a target is keyed by the
/// campaign's sources, the department code and the target's credit code, so it can be reproduced alone with the
/// sortition command. Officers must be active and certified on the deadline, free of a declared conflict with the
/// target and below the cap; item qualifications are not checked, since the items are the lead department's.
/// </summary>
public static class JointDraw
{
    /// <summary>Returns the RFC 3797 sources of a department's teams: the campaign's sources plus the department code.</summary>
    public static IReadOnlyList<string> Sources(IReadOnlyList<string> campaignSources, string departmentCode)
    {
        ArgumentNullException.ThrowIfNull(campaignSources);
        return [.. campaignSources, departmentCode];
    }

    /// <summary>Returns the department officers a drawing office's teams take from, as the roster of the campaign.</summary>
    public static IReadOnlyList<Officer> Roster(
        Department department, bool borrowOfficers, IReadOnlyList<string> scopeOffices, string officeCode)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(scopeOffices);
        return borrowOfficers
            ? [.. department.Officers.Where(o => scopeOffices.Contains(o.OfficeCode, StringComparer.Ordinal))]
            : [.. department.Officers.Where(o => o.OfficeCode == officeCode)];
    }

    /// <summary>Counts the officers of a roster who are active and certified on the deadline.</summary>
    public static int CountEligible(IEnumerable<Officer> officers, DateOnly deadline) =>
        officers.Count(o => o.Status == OfficerStatus.Active && o.CertificateExpiry >= deadline);

    /// <summary>Draws a department's members of every target, in the lead's selection order.</summary>
    /// <param name="roster">The department's roster snapshot for the drawing office.</param>
    /// <param name="creditCodes">The lead department's targets, in selection order.</param>
    /// <param name="officersPerTarget">Members per target.</param>
    /// <param name="maxTargetsPerOfficer">The recorded cap when verifying, or null to derive it.</param>
    /// <param name="deadline">Inspection deadline.</param>
    /// <param name="sources">The department's sources, from <see cref="Sources"/>.</param>
    public static OfficeDrawOutcome Draw(
        RosterSnapshot roster,
        IReadOnlyList<string> creditCodes,
        int officersPerTarget,
        int? maxTargetsPerOfficer,
        DateOnly deadline,
        IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var input = new OfficeDrawInput(
            roster.OfficeCode,
            [],
            roster.Officers,
            [],
            new TargetRule(),
            officersPerTarget,
            maxTargetsPerOfficer,
            deadline,
            sources,
            roster.PreviousTeams);
        return OfficeDrawEngine.DrawTeams(input, creditCodes);
    }

    /// <summary>Builds the department's part of the record from its outcome.</summary>
    public static DepartmentDrawRecord Record(
        Department department, JointDepartment joint, IReadOnlyList<string> sources, FileRecord roster, OfficeDrawOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(joint);
        ArgumentNullException.ThrowIfNull(outcome);
        var teams = outcome.Targets
            .Select(t => new DepartmentTeam(t.CreditCode, [.. t.Team.Select(m => m with { IsLeader = false })]))
            .ToList();
        return new DepartmentDrawRecord(
            department.Code, department.Name, joint.OfficersPerTarget, outcome.MaxTargetsPerOfficer, sources, roster, teams);
    }

    /// <summary>Returns the joint team of a target: the lead department's members, leader first, then each department's.</summary>
    public static IReadOnlyList<TeamMember> Team(OfficeDrawRecord record, DrawnTarget target)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(target);
        if (record.Joint is null)
        {
            return target.Team;
        }

        var members = target.Team.ToList();
        foreach (var department in record.Joint.Departments)
        {
            members.AddRange(department.Teams.FirstOrDefault(t => t.CreditCode == target.CreditCode)?.Members ?? []);
        }

        return members;
    }

    /// <summary>
    /// Adds a problem for every participating department whose roster snapshot or teams the recomputation does not
    /// reproduce from the record's targets.
    /// </summary>
    public static async Task CheckAsync(
        IRecordStore records, OfficeDrawRecord record, List<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(problems);
        if (record.Joint is null)
        {
            return;
        }

        var creditCodes = record.Selected.Select(t => t.CreditCode).ToList();
        foreach (var department in record.Joint.Departments)
        {
            var bytes = await records.ReadAsync(department.Roster.Path, cancellationToken);
            if (bytes is null)
            {
                problems.Add(Text($"department {department.Code}: roster snapshot '{department.Roster.Path}' is missing"));
                continue;
            }

            var sha256 = PoolFreezer.Sha256Hex(bytes);
            if (sha256 != department.Roster.Sha256)
            {
                problems.Add(Text($"department {department.Code}: roster snapshot SHA-256 differs: ")
                    + Text($"the record has '{department.Roster.Sha256}', the stored data gives '{sha256}'"));
            }

            var expectedSources = Sources(record.Entropy.Sources, department.Code);
            if (!department.Sources.SequenceEqual(expectedSources, StringComparer.Ordinal))
            {
                problems.Add(Text($"department {department.Code}: the sources are not the draw's sources plus the department code"));
                continue;
            }

            var outcome = Draw(
                RecordJson.Deserialize<RosterSnapshot>(bytes),
                creditCodes,
                department.OfficersPerTarget,
                department.MaxTargetsPerOfficer,
                record.Deadline,
                expectedSources);
            Compare(problems, department, outcome);
        }
    }

    private static void Compare(List<string> problems, DepartmentDrawRecord department, OfficeDrawOutcome outcome)
    {
        if (outcome.Unstaffed.Count > 0 || outcome.Targets.Count != department.Teams.Count)
        {
            problems.Add(Text($"department {department.Code}: the record has {department.Teams.Count} teams, ")
                + Text($"the recomputation staffs {outcome.Targets.Count}"));
            return;
        }

        for (var i = 0; i < outcome.Targets.Count; i++)
        {
            var recorded = department.Teams[i];
            var recomputed = outcome.Targets[i];
            var a = string.Join(",", recorded.Members.Select(m => $"{m.OfficerId}@{m.Index}"));
            var b = string.Join(",", recomputed.Team.Select(m => $"{m.OfficerId}@{m.Index}"));
            if (recorded.CreditCode != recomputed.CreditCode || a != b)
            {
                problems.Add(Text($"department {department.Code}, target {recorded.CreditCode}: the record has {a}, ")
                    + Text($"the recomputation draws {b} for {recomputed.CreditCode}"));
            }
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
