using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// <see cref="IAssignmentStore"/> on Azure Table storage: every assignment is written to a table partitioned by
/// officer and one partitioned by employer, and each employer's latest team to a table partitioned by office.
/// </summary>
public sealed class TableAssignmentStore : IAssignmentStore
{
    /// <summary>Attempts at updating one office's previous teams when other writers change them meanwhile.</summary>
    private const int MaxPreviousTeamAttempts = 10;

    private readonly StorageContext context;

    /// <summary>Creates the store on the tables of <paramref name="context"/>.</summary>
    public TableAssignmentStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Every assignment is validated before anything is written. The previous team of an employer is replaced
    /// only by the team of a later draw: a later draw date, or on the same date a draw id that sorts later.
    /// </remarks>
    public async Task UpsertAsync(
        IReadOnlyCollection<Assignment> assignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assignments);

        var byOfficer = new List<TableEntity>(assignments.Count);
        var byEmployer = new List<TableEntity>(assignments.Count);
        var teams = new Dictionary<(string DrawId, string CreditCode), (int Index, PreviousTeam Team)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var assignment in assignments)
        {
            var field = $"assignments[{index}]";
            AssignmentValidation.Validate(field, assignment);
            StoreValidation.RequireUnique(
                seen, "assignments", index, "officerId",
                string.Join(TableKeys.Separator, assignment.DrawId, assignment.CreditCode, assignment.OfficerId));
            AddTeam(teams, field, index, assignment);

            var officerRow = AssignmentEntities.ByOfficer(field, assignment);
            TableLimits.ThrowIfInvalid(field, officerRow);
            byOfficer.Add(officerRow);
            var employerRow = AssignmentEntities.ByEmployer(field, assignment);
            TableLimits.ThrowIfInvalid(field, employerRow);
            byEmployer.Add(employerRow);
            index++;
        }

        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await TableOperations
            .UpsertAllAsync(context.GetTableClient(StorageNames.AssignmentsByOfficer), byOfficer, cancellationToken)
            .ConfigureAwait(false);
        await TableOperations
            .UpsertAllAsync(context.GetTableClient(StorageNames.AssignmentsByEmployer), byEmployer, cancellationToken)
            .ConfigureAwait(false);

        foreach (var office in teams.Values.Select(entry => entry.Team).GroupBy(team => team.OfficeCode))
        {
            await UpdatePreviousTeamsAsync(office.Key, office.ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(
        string drawId, string officerId, string creditCode, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalidKeyPart("drawId", drawId);
        TableKeys.ThrowIfInvalid("officerId", officerId);
        TableKeys.ThrowIfInvalid("creditCode", creditCode);
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await context.GetTableClient(StorageNames.AssignmentsByOfficer)
            .DeleteEntityAsync(officerId, TableKeys.Join(drawId, creditCode), ETag.All, cancellationToken)
            .ConfigureAwait(false);
        await context.GetTableClient(StorageNames.AssignmentsByEmployer)
            .DeleteEntityAsync(creditCode, TableKeys.Join(drawId, officerId), ETag.All, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Assignment>> ListByOfficerAsync(
        string officerId, string? drawId = null, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid("officerId", officerId);
        string filter;
        if (drawId is null)
        {
            filter = TableClient.CreateQueryFilter($"PartitionKey eq {officerId}");
        }
        else
        {
            TableKeys.ThrowIfInvalidKeyPart("drawId", drawId);
            // Row keys of one draw run from "{drawId}|" up to, not including, "{drawId}}" ('}' follows '|').
            var first = drawId + TableKeys.Separator;
            var end = drawId + (char)(TableKeys.Separator + 1);
            filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {officerId} and RowKey ge {first} and RowKey lt {end}");
        }

        return await QueryAsync(StorageNames.AssignmentsByOfficer, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Assignment>> ListByEmployerAsync(
        string creditCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireCreditCode("creditCode", creditCode);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {creditCode}");
        return await QueryAsync(StorageNames.AssignmentsByEmployer, filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetPreviousTeamsAsync(
        string officeCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var teams = await ReadPreviousTeamsAsync(officeCode, cancellationToken).ConfigureAwait(false);
        return teams.Values.ToDictionary(
            entry => entry.Team.CreditCode, entry => entry.Team.TeamOfficerIds, StringComparer.Ordinal);
    }

    private static void AddTeam(
        Dictionary<(string DrawId, string CreditCode), (int Index, PreviousTeam Team)> teams,
        string field, int index, Assignment assignment)
    {
        var team = new PreviousTeam(
            assignment.OfficeCode, assignment.CreditCode, assignment.DrawId, assignment.DrawnOn,
            assignment.TeamOfficerIds);
        var key = (assignment.DrawId, assignment.CreditCode);
        if (!teams.TryGetValue(key, out var earlier))
        {
            teams[key] = (index, team);
            return;
        }

        // Every member of one team carries the same team, office and date; a mismatch is a caller's error.
        if (earlier.Team.OfficeCode != team.OfficeCode || earlier.Team.DrawnOn != team.DrawnOn
            || !earlier.Team.TeamOfficerIds.SequenceEqual(team.TeamOfficerIds, StringComparer.Ordinal))
        {
            throw new ValidationException(
                $"{field}.teamOfficerIds", string.Join(',', team.TeamOfficerIds),
                $"does not match the team, office or date of assignments[{earlier.Index}], " +
                "which has the same draw and employer");
        }
    }

    private async Task UpdatePreviousTeamsAsync(
        string officeCode, List<PreviousTeam> candidates, CancellationToken cancellationToken)
    {
        var table = context.GetTableClient(StorageNames.PreviousTeams);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadPreviousTeamsAsync(officeCode, cancellationToken).ConfigureAwait(false);
            var actions = new List<TableTransactionAction>();
            foreach (var candidate in candidates)
            {
                var entity = AssignmentEntities.PreviousTeam(candidate);
                if (!stored.TryGetValue(candidate.CreditCode, out var current))
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
                }
                else if (candidate.IsLaterThan(current.Team))
                {
                    actions.Add(new TableTransactionAction(
                        TableTransactionActionType.UpdateReplace, entity, current.ETag));
                }
            }

            try
            {
                await TableOperations.SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TableTransactionFailedException e)
                when (e.Status is 409 or 412 && attempt < MaxPreviousTeamAttempts)
            {
                // Another writer added or replaced a row since it was read; read again and recompute.
                StorageLog.PreviousTeamsConflict(context.Logger, officeCode, attempt);
            }
        }
    }

    private async Task<Dictionary<string, (PreviousTeam Team, ETag ETag)>> ReadPreviousTeamsAsync(
        string officeCode, CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(
                context.GetTableClient(StorageNames.PreviousTeams), officeCode, context.Options.MaxPerPage,
                cancellationToken)
            .ConfigureAwait(false);
        return entities.ToDictionary(
            entity => entity.RowKey,
            entity => (AssignmentEntities.ToPreviousTeam(entity), entity.ETag),
            StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<Assignment>> QueryAsync(
        string tableName, string filter, CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryAllAsync(context.GetTableClient(tableName), filter, context.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        entities.Sort((left, right) => string.CompareOrdinal(left.RowKey, right.RowKey));
        return entities.Select(AssignmentEntities.ToAssignment).ToList();
    }
}
