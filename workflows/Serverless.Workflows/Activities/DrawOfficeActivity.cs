using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Logging;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Activities;

/// <summary>
/// Draws one office: targets from the frozen pool, a team for each, then writes the roster snapshot and the
/// record once, the assignment rows and the outbox rows. A second run finds the record and only repeats
/// the idempotent row writes, so it never draws twice. An office with a target that cannot be fully staffed
/// is rejected before anything is written.
/// </summary>
public sealed class DrawOfficeActivity(
    IRegistryStore registry,
    IRecordStore records,
    IAssignmentStore assignments,
    IOutboxStore outbox,
    ICommitmentStore commitments,
    PoolFreezer freezer,
    ILogger<DrawOfficeActivity> logger)
    : TaskActivity<OfficeDrawRequest, OfficeDrawResult>
{
    private const int MaxProblemsListed = 5;

    public override Task<OfficeDrawResult> RunAsync(TaskActivityContext context, OfficeDrawRequest input) => ExecuteAsync(input);

    public async Task<OfficeDrawResult> ExecuteAsync(OfficeDrawRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var draw = input.Draw;
        var recordPath = DrawPaths.OfficeRecord(draw.DrawId, input.OfficeCode);

        var record = await ReadRecordAsync(recordPath, cancellationToken);
        if (record is not null)
        {
            WorkflowLog.OfficeRecordReused(logger, draw.DrawId, input.OfficeCode);
        }
        else
        {
            var (drawn, rejection) = await DrawAsync(input, recordPath, cancellationToken);
            if (drawn is null)
            {
                return rejection!;
            }

            record = drawn;
        }

        var written = await WriteRowsAsync(record, cancellationToken);
        WorkflowLog.OfficeDrawn(logger, draw.DrawId, input.OfficeCode, record.Selected.Count, record.Pool.Size);
        var officerIds = record.Selected
            .SelectMany(t => t.Team)
            .Select(m => m.OfficerId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new OfficeDrawResult(
            input.OfficeCode, OfficeOutcome.Drawn, record.Pool.Size, record.Selected.Count, written, officerIds, recordPath, null);
    }

    private async Task<(OfficeDrawRecord? Record, OfficeDrawResult? Rejection)> DrawAsync(
        OfficeDrawRequest input, string recordPath, CancellationToken cancellationToken)
    {
        var draw = input.Draw;
        var plan = await PlanItems.GetPlanAsync(registry, draw.PlanId, cancellationToken);
        var items = await PlanItems.LoadAsync(registry, plan, cancellationToken);
        var office = await registry.GetOfficeAsync(input.OfficeCode, cancellationToken)
            ?? throw new ValidationException("officeCode", input.OfficeCode, "is not a known office code");

        var pool = await freezer.FreezeAsync(plan, draw.Slot, input.OfficeCode, items, cancellationToken);
        await CheckCommittedPoolAsync(draw, input.OfficeCode, pool, cancellationToken);
        if (pool.Entries.Count == 0)
        {
            return (null, Rejected(input.OfficeCode, OfficeOutcome.EmptyPool, 0, "the pool is empty"));
        }

        var officers = await registry.ListOfficersAsync(input.OfficeCode, cancellationToken);
        var previousTeams = await assignments.GetPreviousTeamsAsync(input.OfficeCode, cancellationToken);
        var roster = DrawInputs.Snapshot(input.OfficeCode, officers, previousTeams, pool.Entries);

        OfficeDrawOutcome outcome;
        try
        {
            outcome = OfficeDrawEngine.Draw(Input(plan, draw, input.OfficeCode, pool, roster));
        }
        catch (ValidationException exception)
        {
            WorkflowLog.OfficeRejected(logger, draw.DrawId, input.OfficeCode, exception.Message);
            return (null, Rejected(input.OfficeCode, OfficeOutcome.Rejected, pool.Entries.Count, exception.Message));
        }

        if (outcome.Unstaffed.Count > 0)
        {
            var problem = DescribeUnstaffed(outcome.Unstaffed);
            WorkflowLog.OfficeRejected(logger, draw.DrawId, input.OfficeCode, problem);
            return (null, Rejected(input.OfficeCode, OfficeOutcome.Rejected, pool.Entries.Count, problem));
        }

        // A run that crashed after storing its snapshot left the roster it drew with; draw again from that one.
        var rosterPath = DrawPaths.Roster(draw.DrawId, input.OfficeCode);
        var rosterBytes = RecordJson.Serialize(roster);
        if (!await records.TryWriteOnceAsync(rosterPath, rosterBytes, "application/json", cancellationToken))
        {
            rosterBytes = await records.ReadAsync(rosterPath, cancellationToken)
                ?? throw new InvalidOperationException($"The roster snapshot '{rosterPath}' vanished after it was written.");
            var stored = RecordJson.Deserialize<RosterSnapshot>(rosterBytes);
            outcome = OfficeDrawEngine.Draw(Input(plan, draw, input.OfficeCode, pool, stored));
            if (outcome.Unstaffed.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Draw {draw.DrawId}: the stored roster snapshot of office {input.OfficeCode} does not staff every target.");
            }
        }

        var record = new OfficeDrawRecord
        {
            Algorithm = OfficeDrawRecord.CurrentAlgorithm,
            DrawId = draw.DrawId,
            PlanId = plan.PlanId,
            PlanName = plan.Name,
            Slot = draw.Slot,
            DrawnOn = draw.DrawnOn,
            Deadline = draw.Deadline,
            OfficeCode = office.Code,
            OfficeName = office.Name,
            ItemCodes = plan.ItemCodes,
            Targets = plan.Targets,
            OfficersPerTarget = plan.OfficersPerTarget,
            MaxTargetsPerOfficer = outcome.MaxTargetsPerOfficer,
            Entropy = new EntropyRecord(
                draw.EntropySources, Rfc3797.BuildKey(draw.EntropySources), draw.SeedSha256, draw.CommittedAt, draw.CommittedLate),
            Pool = pool.Record,
            Roster = new FileRecord(rosterPath, PoolFreezer.Sha256Hex(rosterBytes)),
            Exclusions = pool.Exclusions,
            Selected = outcome.Targets,
        };

        if (!await records.TryWriteOnceAsync(recordPath, RecordJson.Serialize(record), "application/json", cancellationToken))
        {
            record = await ReadRecordAsync(recordPath, cancellationToken) ?? record;
        }

        return (record, null);
    }

    private static OfficeDrawInput Input(DrawPlan plan, DrawPreparation draw, string officeCode, FrozenPool pool, RosterSnapshot roster) =>
        DrawInputs.Create(
            officeCode,
            plan.ItemCodes,
            plan.Targets,
            plan.OfficersPerTarget,
            plan.MaxTargetsPerOfficer,
            draw.Deadline,
            draw.EntropySources,
            pool,
            roster);

    private async Task CheckCommittedPoolAsync(DrawPreparation draw, string officeCode, FrozenPool pool, CancellationToken cancellationToken)
    {
        if (draw.SeedSha256 is null)
        {
            return;
        }

        var commitment = await commitments.GetAsync(draw.PlanId, draw.Slot, cancellationToken)
            ?? throw new InvalidOperationException($"Draw {draw.DrawId} has a seed hash but no stored commitment.");
        if (!commitment.PoolSha256ByOffice.TryGetValue(officeCode, out var committed) || committed != pool.Record.Sha256)
        {
            throw new InvalidOperationException(
                $"Draw {draw.DrawId}: the stored pool of office {officeCode} does not match the committed pool hash.");
        }
    }

    private async Task<int> WriteRowsAsync(OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        var employers = await registry.ListEmployersAsync(record.OfficeCode, cancellationToken);
        var names = employers.ToDictionary(e => e.CreditCode, e => e.Name, StringComparer.Ordinal);
        var rows = new List<Assignment>();
        foreach (var target in record.Selected)
        {
            var team = target.Team.Select(m => m.OfficerId).ToList();
            foreach (var member in target.Team)
            {
                rows.Add(new Assignment(
                    record.DrawId,
                    record.OfficeCode,
                    member.OfficerId,
                    target.CreditCode,
                    names.GetValueOrDefault(target.CreditCode, ""),
                    member.IsLeader,
                    team,
                    record.ItemCodes,
                    record.DrawnOn,
                    record.Deadline));
            }
        }

        await assignments.UpsertAsync(rows, cancellationToken);
        foreach (var officerId in rows.Select(r => r.OfficerId).Distinct(StringComparer.Ordinal))
        {
            await outbox.AddIfMissingAsync(record.DrawId, officerId, cancellationToken);
        }

        var targets = record.Selected.Select(t => t.CreditCode).ToList();
        await registry.SetLastInspectedAsync(record.OfficeCode, targets, record.DrawnOn, cancellationToken);
        return rows.Count;
    }

    private async Task<OfficeDrawRecord?> ReadRecordAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await records.ReadAsync(path, cancellationToken);
        return bytes is null ? null : RecordJson.Deserialize<OfficeDrawRecord>(bytes);
    }

    private static OfficeDrawResult Rejected(string officeCode, OfficeOutcome outcome, int poolSize, string problem) =>
        new(officeCode, outcome, poolSize, 0, 0, [], null, problem);

    private static string DescribeUnstaffed(IReadOnlyList<UnstaffedTarget> unstaffed)
    {
        var listed = unstaffed.Take(MaxProblemsListed).Select(u => $"target {u.CreditCode}: {u.Reason}");
        var more = unstaffed.Count > MaxProblemsListed ? $"; and {unstaffed.Count - MaxProblemsListed} more" : "";
        return $"{unstaffed.Count} target(s) cannot get a full team: {string.Join("; ", listed)}{more}";
    }
}
