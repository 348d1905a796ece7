using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Milestones;

/// <summary>
/// <see cref="IPendingMilestoneStore"/> on the table <see cref="StorageNames.PendingMilestoneStarts"/>: one row per
/// instance id in one partition. Claims are written only over the version that was read, so one caller wins.
/// </summary>
public sealed class TablePendingMilestoneStore : IPendingMilestoneStore
{
    private const string ClaimedAtProperty = nameof(PendingMilestoneStart.ClaimedAt);

    private readonly StorageContext context;

    /// <summary>Creates the store on the pending starts table of <paramref name="context"/>.</summary>
    public TablePendingMilestoneStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    public async Task<PendingMilestoneStart> AddIfMissingAsync(
        PendingMilestoneStart start, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(Validate(start));
        TableLimits.ThrowIfInvalid("pendingStart", entity);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return start;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await TableOperations
                .GetIfExistsAsync(table, StorageNames.PendingStartsPartition, start.InstanceId, cancellationToken)
                .ConfigureAwait(false);

            // A start removed between the add and the read was started by a calendar load, with its own start date.
            return stored is null ? start : ToStart(stored);
        }
    }

    /// <inheritdoc/>
    public async Task<PendingMilestoneStart?> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(instanceId), instanceId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await TableOperations
            .GetIfExistsAsync(table, StorageNames.PendingStartsPartition, instanceId, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : ToStart(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<PendingMilestoneStart>> ListAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(
                table, StorageNames.PendingStartsPartition, context.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(ToStart).OrderBy(start => start.InstanceId, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    public async Task<bool> TryClaimAsync(
        string instanceId, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(instanceId), instanceId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var entity = await TableOperations
            .GetIfExistsAsync(table, StorageNames.PendingStartsPartition, instanceId, cancellationToken)
            .ConfigureAwait(false);
        if (entity is null || entity.GetDateTimeOffset(ClaimedAtProperty) is { } claimed && now - claimed < staleAfter)
        {
            return false;
        }

        var claim = new TableEntity(entity.PartitionKey, entity.RowKey) { [ClaimedAtProperty] = now.ToUniversalTime() };
        try
        {
            await table.UpdateEntityAsync(claim, entity.ETag, TableUpdateMode.Merge, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task DeleteAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(instanceId), instanceId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(StorageNames.PendingStartsPartition, instanceId, ETag.All, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed already, for example by a concurrent calendar load.
        }
    }

    private static PendingMilestoneStart Validate(PendingMilestoneStart? start)
    {
        if (start is null)
        {
            throw new ValidationException("pendingStart", null, "is missing");
        }

        TableKeys.ThrowIfInvalid("pendingStart.instanceId", start.InstanceId);
        StoreValidation.RequireText("pendingStart.setId", start.SetId);
        StoreValidation.RequireText("pendingStart.milestoneId", start.MilestoneId);
        StoreValidation.RequireOfficeCode("pendingStart.officeCode", start.OfficeCode);
        TableLimits.ThrowIfBeforeMinDate("pendingStart.deferredAt", start.DeferredAt);
        return start;
    }

    private static TableEntity ToEntity(PendingMilestoneStart start) =>
        new(StorageNames.PendingStartsPartition, start.InstanceId)
        {
            [nameof(PendingMilestoneStart.SetId)] = start.SetId,
            [nameof(PendingMilestoneStart.Version)] = start.Version,
            [nameof(PendingMilestoneStart.MilestoneId)] = start.MilestoneId,
            [nameof(PendingMilestoneStart.OfficeCode)] = start.OfficeCode,
            [nameof(PendingMilestoneStart.SubjectId)] = start.SubjectId,
            [nameof(PendingMilestoneStart.StartDate)] =
                TableLimits.ToStoredDate("pendingStart.startDate", start.StartDate),
            [nameof(PendingMilestoneStart.MissingYear)] = start.MissingYear,
            [nameof(PendingMilestoneStart.DeferredAt)] = start.DeferredAt.ToUniversalTime(),
            [ClaimedAtProperty] = start.ClaimedAt?.ToUniversalTime(),
        };

    private static PendingMilestoneStart ToStart(TableEntity entity) => new(
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(PendingMilestoneStart.SetId)),
        StoredValues.RequireInt32(entity, nameof(PendingMilestoneStart.Version)),
        StoredValues.RequireString(entity, nameof(PendingMilestoneStart.MilestoneId)),
        StoredValues.RequireString(entity, nameof(PendingMilestoneStart.OfficeCode)),
        entity.GetString(nameof(PendingMilestoneStart.SubjectId)),
        TableLimits.FromStoredDate(entity.GetDateTimeOffset(nameof(PendingMilestoneStart.StartDate))),
        StoredValues.RequireInt32(entity, nameof(PendingMilestoneStart.MissingYear)),
        StoredValues.RequireDateTimeOffset(entity, nameof(PendingMilestoneStart.DeferredAt)),
        entity.GetDateTimeOffset(ClaimedAtProperty));

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.GetTableClient(StorageNames.PendingMilestoneStarts);
    }
}
