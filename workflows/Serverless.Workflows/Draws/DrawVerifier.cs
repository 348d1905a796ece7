using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Workflows.Draws;

/// <summary>
/// Recomputes stored draws from their records, pool files and roster snapshots, and reports whether each
/// hash and each selection matches what the record says.
/// </summary>
public sealed class DrawVerifier(IRecordStore records, ICommitmentStore commitments)
{
    /// <summary>Verifies every office record of a draw. Returns an empty list when the draw has no records.</summary>
    public async Task<IReadOnlyList<VerificationResult>> VerifyDrawAsync(string drawId, CancellationToken cancellationToken = default)
    {
        var results = new List<VerificationResult>();
        var prefix = DrawPaths.OfficeRecordPrefix(drawId);
        foreach (var path in await records.ListAsync(prefix, cancellationToken))
        {
            // Recusals sit in a folder below the office records and are replayed with each office.
            if (path[prefix.Length..].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var bytes = await records.ReadAsync(path, cancellationToken);
            if (bytes is not null)
            {
                results.Add(await VerifyAsync(path, RecordJson.Deserialize<OfficeDrawRecord>(bytes), cancellationToken));
            }
        }

        return results;
    }

    /// <summary>Verifies one office record.</summary>
    public async Task<VerificationResult> VerifyAsync(string path, OfficeDrawRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        if (record.Algorithm != OfficeDrawRecord.CurrentAlgorithm)
        {
            problems.Add($"algorithm '{record.Algorithm}' is not the one this version runs ('{OfficeDrawRecord.CurrentAlgorithm}')");
            return new VerificationResult(record.OfficeCode, path, false, problems);
        }

        var exclusionsPath = DrawPaths.PoolExclusions(record.PlanId, record.Slot, record.OfficeCode);
        var pool = await PoolFreezer.ReadAsync(records, record.Pool.Path, record.Pool.RiskPath, exclusionsPath, cancellationToken);
        Compare(problems, "pool file SHA-256", record.Pool.Sha256, pool.Record.Sha256);
        Compare(problems, "risk file SHA-256", record.Pool.RiskSha256, pool.Record.RiskSha256);

        var rosterBytes = await records.ReadAsync(record.Roster.Path, cancellationToken);
        if (rosterBytes is null)
        {
            problems.Add($"roster snapshot '{record.Roster.Path}' is missing");
            return new VerificationResult(record.OfficeCode, path, false, problems);
        }

        Compare(problems, "roster snapshot SHA-256", record.Roster.Sha256, PoolFreezer.Sha256Hex(rosterBytes));
        Compare(problems, "RFC 3797 key string", record.Entropy.Key, Rfc3797.BuildKey(record.Entropy.Sources));
        await CheckCommitmentAsync(problems, record, cancellationToken);

        var roster = RecordJson.Deserialize<RosterSnapshot>(rosterBytes);
        var input = DrawInputs.Create(
            record.OfficeCode,
            record.ItemCodes,
            record.Targets,
            record.OfficersPerTarget,
            record.MaxTargetsPerOfficer,
            record.Deadline,
            record.Entropy.Sources,
            pool,
            roster);
        var outcome = OfficeDrawEngine.Draw(input);
        CompareSelections(problems, record.Selected, outcome.Targets);
        await Campaigns.JointDraw.CheckAsync(records, record, problems, cancellationToken);
        await Campaigns.RecusalReplay.CheckAsync(records, record, roster, problems, cancellationToken);
        return new VerificationResult(record.OfficeCode, path, problems.Count == 0, problems);
    }

    private async Task CheckCommitmentAsync(List<string> problems, OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        if (record.Entropy.SeedSha256 is null)
        {
            return;
        }

        if (record.Entropy.Sources.Count != 1)
        {
            problems.Add("a committed draw has exactly one source, the revealed seed");
            return;
        }

        Compare(problems, "revealed seed SHA-256", record.Entropy.SeedSha256, PoolFreezer.Sha256Hex(record.Entropy.Sources[0]));
        var commitment = await commitments.GetAsync(record.PlanId, record.Slot, cancellationToken);
        if (commitment is null)
        {
            problems.Add("the seed commitment of this slot is missing");
            return;
        }

        Compare(problems, "committed seed SHA-256", commitment.SeedSha256, record.Entropy.SeedSha256);
        Compare(problems, "committed pool SHA-256", commitment.PoolSha256ByOffice.GetValueOrDefault(record.OfficeCode), record.Pool.Sha256);
    }

    private static void CompareSelections(List<string> problems, IReadOnlyList<DrawnTarget> recorded, IReadOnlyList<DrawnTarget> recomputed)
    {
        if (recorded.Count != recomputed.Count)
        {
            problems.Add($"the record lists {recorded.Count} targets, the recomputation draws {recomputed.Count}");
        }

        for (var i = 0; i < Math.Min(recorded.Count, recomputed.Count); i++)
        {
            var a = recorded[i];
            var b = recomputed[i];
            if (a.CreditCode != b.CreditCode || a.Index != b.Index || a.Stratum != b.Stratum)
            {
                problems.Add($"selection {i + 1}: the record has {a.CreditCode}, the recomputation draws {b.CreditCode}");
                continue;
            }

            var teamA = string.Join(",", a.Team.Select(m => m.IsLeader ? m.OfficerId + "*" : m.OfficerId));
            var teamB = string.Join(",", b.Team.Select(m => m.IsLeader ? m.OfficerId + "*" : m.OfficerId));
            if (teamA != teamB)
            {
                problems.Add($"selection {i + 1} ({a.CreditCode}): the record's team is {teamA}, the recomputation draws {teamB}");
            }
        }
    }

    private static void Compare(List<string> problems, string what, string? recorded, string? actual)
    {
        if (!string.Equals(recorded, actual, StringComparison.Ordinal))
        {
            problems.Add($"{what} differs: the record has '{recorded}', the stored data gives '{actual}'");
        }
    }
}
