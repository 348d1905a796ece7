using Microsoft.Extensions.Logging;
using Serverless.Shared.Campaigns;
using Serverless.Shared.Domain;
using Serverless.Shared.Draws;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;
using Serverless.Workflows.Orchestrations;

namespace Serverless.Workflows.Campaigns;

/// <summary>
/// Records a recusal on a stored draw: draws the replacement, writes the recusal once as the next numbered
/// blob, updates the team's assignment rows and deletes the recused officer's, and notifies the recused and the replacing officer once each.
/// </summary>
public sealed class RecusalService(
    IRecordStore records,
    IRegistryStore registry,
    IAssignmentStore assignments,
    ICampaignStore campaigns,
    IDepartmentStore departments,
    OutboxNotices notices,
    TimeProvider time,
    ILogger<RecusalService> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Reads the office record a recusal applies to, or returns null when the draw has none for that office.</summary>
    public async Task<OfficeDrawRecord?> ReadRecordAsync(
        string drawId, string officeCode, CancellationToken cancellationToken = default)
    {
        var bytes = await records.ReadAsync(DrawPaths.OfficeRecord(drawId, officeCode), cancellationToken);
        return bytes is null ? null : RecordJson.Deserialize<OfficeDrawRecord>(bytes);
    }

    /// <summary>
    /// Records the recusal and returns it with the whole team after it (in a joint campaign, every department's
    /// members) and the outcome of the two notices.
    /// </summary>
    /// <exception cref="CampaignRejectedException">The officer is not on the team, or no officer can replace them.</exception>
    public async Task<(RecusalRecord Recusal, IReadOnlyList<TeamMember> Team, IReadOnlyList<NoticeOutcome> Notices)> RecordAsync(
        OfficeDrawRecord record, RecusalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(request);
        var rosterBytes = await records.ReadAsync(record.Roster.Path, cancellationToken)
            ?? throw new InvalidOperationException($"The roster snapshot '{record.Roster.Path}' is missing.");
        var roster = RecordJson.Deserialize<RosterSnapshot>(rosterBytes);

        RecusalRecord? recusal = null;
        IReadOnlyList<RecusalRecord> earlier = [];
        for (var attempt = 0; attempt < MaxAttempts && recusal is null; attempt++)
        {
            // Two recusals recorded at once race for the same number; the loser draws again after the winner.
            earlier = await RecusalReader.ListAsync(records, record.DrawId, cancellationToken);
            var department = RecusalDraw.FindDepartment(
                RecusalApplier.Apply(record, earlier), request.CreditCode, request.OfficerId);
            var replacement = department is null
                ? RecusalDraw.Replace(record, roster, earlier, request.CreditCode, request.OfficerId)
                : RecusalDraw.ReplaceDepartmentMember(
                    record,
                    department,
                    await DepartmentRosterAsync(record, department, cancellationToken),
                    earlier,
                    request.CreditCode,
                    request.OfficerId);
            var candidate = new RecusalRecord(
                earlier.Count == 0 ? 1 : earlier[^1].Number + 1,
                record.DrawId,
                record.OfficeCode,
                request.CreditCode,
                request.OfficerId,
                request.Kind,
                request.Reason,
                request.ApprovedBy,
                request.RecordedBy,
                time.GetUtcNow(),
                replacement.Candidates,
                replacement.Index,
                replacement.ReplacementOfficerId,
                replacement.Team,
                department);
            var path = RecusalPaths.Recusal(record.DrawId, candidate.Number);
            if (await records.TryWriteOnceAsync(path, RecordJson.Serialize(candidate), "application/json", cancellationToken))
            {
                recusal = candidate;
            }
        }

        if (recusal is null)
        {
            throw new InvalidOperationException($"Draw {record.DrawId}: no recusal number was free after {MaxAttempts} attempts.");
        }

        CampaignLog.RecusalRecorded(logger, record.DrawId, recusal.Number, recusal.OfficerId, recusal.ReplacementOfficerId);
        var employer = (await registry.ListEmployersAsync(record.OfficeCode, cancellationToken))
            .FirstOrDefault(e => e.CreditCode == recusal.CreditCode);
        var current = RecusalApplier.Apply(record, [.. earlier, recusal]);
        var target = current.Selected.Single(t => t.CreditCode == recusal.CreditCode);
        var team = JointDraw.Team(current, target);
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [recusal.CreditCode] = employer?.Name ?? "" };
        await assignments.UpsertAsync(CampaignAssignments.Rows(current, [target], names), cancellationToken);
        await assignments.RemoveAsync(record.DrawId, recusal.OfficerId, recusal.CreditCode, cancellationToken);

        var sent = await NotifyAsync(record, recusal, team, employer?.Name ?? recusal.CreditCode, cancellationToken);
        return (recusal, team, sent);
    }

    private async Task<RosterSnapshot> DepartmentRosterAsync(
        OfficeDrawRecord record, string departmentCode, CancellationToken cancellationToken)
    {
        var path = record.Joint!.Departments.Single(d => d.Code == departmentCode).Roster.Path;
        var bytes = await records.ReadAsync(path, cancellationToken)
            ?? throw new InvalidOperationException($"The roster snapshot '{path}' is missing.");
        return RecordJson.Deserialize<RosterSnapshot>(bytes);
    }

    private async Task<IReadOnlyList<NoticeOutcome>> NotifyAsync(
        OfficeDrawRecord record,
        RecusalRecord recusal,
        IReadOnlyList<TeamMember> team,
        string employerName,
        CancellationToken cancellationToken)
    {
        var officers = await OfficersAsync(record, cancellationToken);
        var outcomes = new List<NoticeOutcome>();
        foreach (var officerId in new[] { recusal.OfficerId, recusal.ReplacementOfficerId })
        {
            if (!officers.TryGetValue(officerId, out var officer))
            {
                throw new ValidationException("officerId", officerId, "is not in the roster of the draw's offices");
            }

            var recipientId = $"{officerId}.recusal.{recusal.Number}";
            var notice = RecusalNotices.Compose(record, recusal, team, officer, employerName, recipientId);
            outcomes.Add(await notices.SendOnceAsync(record.DrawId, recipientId, notice, cancellationToken));
        }

        return outcomes;
    }

    private async Task<Dictionary<string, Officer>> OfficersAsync(OfficeDrawRecord record, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> offices = [record.OfficeCode];
        if (record.Campaign is { BorrowOfficers: true }
            && await campaigns.GetAsync(record.DrawId, cancellationToken) is { } stored)
        {
            var tree = new OfficeTree(await registry.ListOfficesAsync(cancellationToken));
            offices = tree.InspectingOfficesIn(stored.Campaign.OfficeCodes, "scope");
        }

        var officers = new Dictionary<string, Officer>(StringComparer.Ordinal);
        foreach (var office in offices)
        {
            foreach (var officer in await registry.ListOfficersAsync(office, cancellationToken))
            {
                officers[officer.OfficerId] = officer;
            }
        }

        foreach (var part in record.Joint?.Departments ?? [])
        {
            foreach (var officer in (await departments.GetAsync(part.Code, cancellationToken))?.Officers ?? [])
            {
                officers[officer.OfficerId] = officer;
            }
        }

        return officers;
    }
}
