using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Draws;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Draws one office of a campaign with the scheduled draw's engine: targets from the filtered pool, a team for
/// each, then the roster snapshot and the record once, the assignment rows and the outbox rows. A second run
/// finds the record and only repeats the idempotent row writes. An office with a target that cannot be fully
/// staffed is rejected before anything is written. In a joint campaign each participating department then draws
/// its own officers for the same targets from its own roster, and the record states each department's part.
/// </summary>
public sealed class DrawCampaignOfficeActivity(
    IRegistryStore registry,
    IRecordStore records,
    IAssignmentStore assignments,
    IOutboxStore outbox,
    CampaignPoolFreezer freezer,
    IDepartmentStore departments,
    ILogger<DrawCampaignOfficeActivity> logger)
    : TaskActivity<CampaignOfficeRequest, CampaignOfficeResult>
{
    public override Task<CampaignOfficeResult> RunAsync(TaskActivityContext context, CampaignOfficeRequest input) =>
        ExecuteAsync(input);

    public async Task<CampaignOfficeResult> ExecuteAsync(
        CampaignOfficeRequest input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var campaign = input.Campaign;
        var recordPath = DrawPaths.OfficeRecord(campaign.CampaignId, input.OfficeCode);
        var officers = await CampaignItems.RosterAsync(
            registry, campaign, input.Draw.OfficeCodes, input.OfficeCode, cancellationToken);

        var stored = await records.ReadAsync(recordPath, cancellationToken);
        var record = stored is null ? null : RecordJson.Deserialize<OfficeDrawRecord>(stored);
        if (record is null)
        {
            var (drawn, rejection) = await DrawAsync(input, officers, recordPath, cancellationToken);
            if (drawn is null)
            {
                return new CampaignOfficeResult(rejection!, new Dictionary<string, string>());
            }

            record = drawn;
        }

        var written = await WriteRowsAsync(record, cancellationToken);
        CampaignLog.OfficeDrawn(logger, campaign.CampaignId, input.OfficeCode, record.Selected.Count, record.Pool.Size);
        var homes = officers.ToDictionary(o => o.OfficerId, o => o.OfficeCode, StringComparer.Ordinal);
        var officerDepartments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var department in await LoadDepartmentsAsync(campaign, cancellationToken))
        {
            foreach (var officer in department.Officers)
            {
                homes[officer.OfficerId] = officer.OfficeCode;
                officerDepartments[officer.OfficerId] = department.Code;
            }
        }

        var officerIds = record.Selected
            .SelectMany(t => JointDraw.Team(record, t))
            .Select(m => m.OfficerId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new OfficeDrawResult(
            input.OfficeCode, OfficeOutcome.Drawn, record.Pool.Size, record.Selected.Count, written, officerIds,
            recordPath, null);
        return new CampaignOfficeResult(
            result,
            officerIds.ToDictionary(id => id, id => homes[id], StringComparer.Ordinal),
            officerIds.Where(officerDepartments.ContainsKey)
                .ToDictionary(id => id, id => officerDepartments[id], StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<Department>> LoadDepartmentsAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var result = new List<Department>();
        var joint = campaign.JointDepartments ?? [];
        for (var i = 0; i < joint.Count; i++)
        {
            result.Add(await departments.GetAsync(joint[i].Code, cancellationToken)
                ?? throw new ValidationException($"joint.departments[{i}].code", joint[i].Code, "is not a stored department"));
        }

        return result;
    }

    /// <summary>
    /// Draws each participating department's members of the targets. With <paramref name="store"/> set, writes each
    /// department's roster snapshot once and draws from the stored one, as the lead's draw does after a crash.
    /// Returns null and the problem when a department cannot staff every target.
    /// </summary>
    private async Task<(List<DepartmentDrawRecord>? Records, string? Problem)> DrawDepartmentsAsync(
        CampaignOfficeRequest input,
        IReadOnlyList<Department> joined,
        IReadOnlyList<DrawnTarget> targets,
        IReadOnlyList<PoolEntry> pool,
        bool store,
        CancellationToken cancellationToken)
    {
        var campaign = input.Campaign;
        var creditCodes = targets.Select(t => t.CreditCode).ToList();
        var drawn = new List<DepartmentDrawRecord>();
        for (var i = 0; i < joined.Count; i++)
        {
            var department = joined[i];
            var joint = campaign.JointDepartments![i];
            var officers = JointDraw.Roster(department, campaign.BorrowOfficers, input.Draw.OfficeCodes, input.OfficeCode);
            var roster = DrawInputs.Snapshot(
                input.OfficeCode, officers, new Dictionary<string, IReadOnlyList<string>>(), pool);
            var rosterPath = DrawPaths.DepartmentRoster(campaign.CampaignId, department.Code, input.OfficeCode);
            var rosterBytes = RecordJson.Serialize(roster);
            if (store && !await records.TryWriteOnceAsync(rosterPath, rosterBytes, "application/json", cancellationToken))
            {
                rosterBytes = await records.ReadAsync(rosterPath, cancellationToken)
                    ?? throw new InvalidOperationException($"The roster snapshot '{rosterPath}' vanished after it was written.");
                roster = RecordJson.Deserialize<RosterSnapshot>(rosterBytes);
            }

            var sources = JointDraw.Sources(campaign.EntropySources, department.Code);
            var outcome = JointDraw.Draw(roster, creditCodes, joint.OfficersPerTarget, null, campaign.Deadline, sources);
            if (outcome.Unstaffed.Count > 0)
            {
                var first = outcome.Unstaffed[0];
                return (null, $"department {department.Code}: {outcome.Unstaffed.Count} target(s) cannot get its officers; "
                    + $"first {first.CreditCode}: {first.Reason}");
            }

            var file = new FileRecord(rosterPath, PoolFreezer.Sha256Hex(rosterBytes));
            drawn.Add(JointDraw.Record(department, joint, sources, file, outcome));
        }

        return (drawn, null);
    }

    private async Task<(OfficeDrawRecord? Record, OfficeDrawResult? Rejection)> DrawAsync(
        CampaignOfficeRequest input, IReadOnlyList<Officer> officers, string recordPath, CancellationToken cancellationToken)
    {
        var campaign = input.Campaign;
        var items = await CampaignItems.LoadAsync(registry, campaign, cancellationToken);
        var office = await registry.GetOfficeAsync(input.OfficeCode, cancellationToken)
            ?? throw new ValidationException("officeCode", input.OfficeCode, "is not a known office code");
        var (pool, filteredOut) = await freezer.FreezeAsync(campaign, input.OfficeCode, items, cancellationToken);
        if (pool.Entries.Count == 0)
        {
            return (null, Rejected(input.OfficeCode, OfficeOutcome.EmptyPool, 0, "the pool is empty"));
        }

        var previousTeams = await assignments.GetPreviousTeamsAsync(input.OfficeCode, cancellationToken);
        var roster = DrawInputs.Snapshot(input.OfficeCode, officers, previousTeams, pool.Entries);
        OfficeDrawOutcome outcome;
        try
        {
            outcome = OfficeDrawEngine.Draw(Input(input, pool, roster));
        }
        catch (ValidationException exception)
        {
            CampaignLog.OfficeRejected(logger, campaign.CampaignId, input.OfficeCode, exception.Message);
            return (null, Rejected(input.OfficeCode, OfficeOutcome.Rejected, pool.Entries.Count, exception.Message));
        }

        if (outcome.Unstaffed.Count > 0)
        {
            var first = outcome.Unstaffed[0];
            var problem = $"{outcome.Unstaffed.Count} target(s) cannot get a full team; first {first.CreditCode}: {first.Reason}";
            CampaignLog.OfficeRejected(logger, campaign.CampaignId, input.OfficeCode, problem);
            return (null, Rejected(input.OfficeCode, OfficeOutcome.Rejected, pool.Entries.Count, problem));
        }

        var joined = await LoadDepartmentsAsync(campaign, cancellationToken);
        var (_, jointProblem) = await DrawDepartmentsAsync(
            input, joined, outcome.Targets, pool.Entries, store: false, cancellationToken);
        if (jointProblem is not null)
        {
            CampaignLog.OfficeRejected(logger, campaign.CampaignId, input.OfficeCode, jointProblem);
            return (null, Rejected(input.OfficeCode, OfficeOutcome.Rejected, pool.Entries.Count, jointProblem));
        }

        // A run that crashed after storing its snapshot left the roster it drew with; draw again from that one.
        var rosterPath = DrawPaths.Roster(campaign.CampaignId, input.OfficeCode);
        var rosterBytes = RecordJson.Serialize(roster);
        if (!await records.TryWriteOnceAsync(rosterPath, rosterBytes, "application/json", cancellationToken))
        {
            rosterBytes = await records.ReadAsync(rosterPath, cancellationToken)
                ?? throw new InvalidOperationException($"The roster snapshot '{rosterPath}' vanished after it was written.");
            outcome = OfficeDrawEngine.Draw(Input(input, pool, RecordJson.Deserialize<RosterSnapshot>(rosterBytes)));
        }

        JointRecord? jointRecord = null;
        if (joined.Count > 0)
        {
            var (parts, problem) = await DrawDepartmentsAsync(
                input, joined, outcome.Targets, pool.Entries, store: true, cancellationToken);
            jointRecord = new JointRecord(
                Department.LeadCode,
                parts ?? throw new InvalidOperationException($"Office {input.OfficeCode}: a stored roster changed the joint draw: {problem}"));
        }

        var record = new OfficeDrawRecord
        {
            Algorithm = OfficeDrawRecord.CurrentAlgorithm,
            DrawId = campaign.CampaignId,
            PlanId = campaign.CampaignId,
            PlanName = campaign.Name,
            Slot = campaign.RequestedAt,
            DrawnOn = input.Draw.DrawnOn,
            Deadline = campaign.Deadline,
            OfficeCode = office.Code,
            OfficeName = office.Name,
            ItemCodes = campaign.ItemCodes,
            Targets = campaign.Targets,
            OfficersPerTarget = campaign.OfficersPerTarget,
            MaxTargetsPerOfficer = outcome.MaxTargetsPerOfficer,
            Entropy = new EntropyRecord(
                campaign.EntropySources, Rfc3797.BuildKey(campaign.EntropySources), null, null, false),
            Pool = pool.Record,
            Roster = new FileRecord(rosterPath, PoolFreezer.Sha256Hex(rosterBytes)),
            Exclusions = pool.Exclusions,
            Selected = outcome.Targets,
            Campaign = new CampaignRecord(
                campaign.Name, campaign.LegalBasis, campaign.OwnerOfficeCode, campaign.Filter, filteredOut,
                campaign.BorrowOfficers),
            Joint = jointRecord,
        };
        if (!await records.TryWriteOnceAsync(recordPath, RecordJson.Serialize(record), "application/json", cancellationToken))
        {
            var existing = await records.ReadAsync(recordPath, cancellationToken)
                ?? throw new InvalidOperationException($"The record '{recordPath}' vanished after it was written.");
            record = RecordJson.Deserialize<OfficeDrawRecord>(existing);
        }

        return (record, null);
    }

    private static OfficeDrawInput Input(CampaignOfficeRequest input, FrozenPool pool, RosterSnapshot roster) =>
        DrawInputs.Create(
            input.OfficeCode,
            input.Campaign.ItemCodes,
            input.Campaign.Targets,
            input.Campaign.OfficersPerTarget,
            null,
            input.Campaign.Deadline,
            input.Campaign.EntropySources,
            pool,
            roster);

    private async Task<int> WriteRowsAsync(OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        var employers = await registry.ListEmployersAsync(record.OfficeCode, cancellationToken);
        var names = employers.ToDictionary(e => e.CreditCode, e => e.Name, StringComparer.Ordinal);
        var rows = CampaignAssignments.Rows(record, record.Selected, names);
        await assignments.UpsertAsync(rows, cancellationToken);
        foreach (var officerId in rows.Select(r => r.OfficerId).Distinct(StringComparer.Ordinal))
        {
            await outbox.AddIfMissingAsync(record.DrawId, officerId, cancellationToken);
        }

        var targets = record.Selected.Select(t => t.CreditCode).ToList();
        await registry.SetLastInspectedAsync(record.OfficeCode, targets, record.DrawnOn, cancellationToken);
        return rows.Count;
    }

    private static OfficeDrawResult Rejected(string officeCode, OfficeOutcome outcome, int poolSize, string problem) =>
        new(officeCode, outcome, poolSize, 0, 0, [], null, problem);
}
