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
/// staffed is rejected before anything is written.
/// </summary>
public sealed class DrawCampaignOfficeActivity(
    IRegistryStore registry,
    IRecordStore records,
    IAssignmentStore assignments,
    IOutboxStore outbox,
    CampaignPoolFreezer freezer,
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
        var officerIds = record.Selected
            .SelectMany(t => t.Team)
            .Select(m => m.OfficerId)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var result = new OfficeDrawResult(
            input.OfficeCode, OfficeOutcome.Drawn, record.Pool.Size, record.Selected.Count, written, officerIds,
            recordPath, null);
        return new CampaignOfficeResult(result, officerIds.ToDictionary(id => id, id => homes[id], StringComparer.Ordinal));
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

        // A run that crashed after storing its snapshot left the roster it drew with; draw again from that one.
        var rosterPath = DrawPaths.Roster(campaign.CampaignId, input.OfficeCode);
        var rosterBytes = RecordJson.Serialize(roster);
        if (!await records.TryWriteOnceAsync(rosterPath, rosterBytes, "application/json", cancellationToken))
        {
            rosterBytes = await records.ReadAsync(rosterPath, cancellationToken)
                ?? throw new InvalidOperationException($"The roster snapshot '{rosterPath}' vanished after it was written.");
            outcome = OfficeDrawEngine.Draw(Input(input, pool, RecordJson.Deserialize<RosterSnapshot>(rosterBytes)));
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
