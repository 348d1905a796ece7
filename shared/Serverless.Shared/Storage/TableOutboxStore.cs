using Azure;
using Azure.Data.Tables;

namespace Serverless.Shared.Storage;

/// <summary>
/// <see cref="IOutboxStore"/> on Azure Table storage: partition draw id, row key recipient id. Claims use the
/// row's ETag, so of several concurrent claims on one notice exactly one succeeds.
/// </summary>
public sealed class TableOutboxStore : IOutboxStore
{
    private const string StateProperty = "State";
    private const string MessageIdProperty = "MessageId";

    private readonly StorageContext context;

    /// <summary>Creates the store on the outbox table of <paramref name="context"/>.</summary>
    public TableOutboxStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    public async Task AddIfMissingAsync(
        string drawId, string recipientId, CancellationToken cancellationToken = default)
    {
        ValidateKeys(drawId, recipientId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = new TableEntity(drawId, recipientId) { [StateProperty] = nameof(NoticeState.Pending) };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The notice is already recorded, in whatever state it has reached.
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryClaimAsync(
        string drawId, string recipientId, CancellationToken cancellationToken = default)
    {
        ValidateKeys(drawId, recipientId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations.GetIfExistsAsync(table, drawId, recipientId, cancellationToken)
            .ConfigureAwait(false);
        if (entity is null || ReadState(entity) != NoticeState.Pending)
        {
            return false;
        }

        entity[StateProperty] = nameof(NoticeState.Sending);
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A notice that is not in <see cref="NoticeState.Sending"/>, or that another run changes between the read
    /// and the update, is left as it is.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No notice is recorded for the draw and recipient.</exception>
    public async Task ReleaseAsync(
        string drawId, string recipientId, CancellationToken cancellationToken = default)
    {
        ValidateKeys(drawId, recipientId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations.GetIfExistsAsync(table, drawId, recipientId, cancellationToken)
            .ConfigureAwait(false) ?? throw NotRecorded(drawId, recipientId, null);
        if (ReadState(entity) != NoticeState.Sending)
        {
            return;
        }

        entity[StateProperty] = nameof(NoticeState.Pending);
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // Another run changed the notice since it was read, for example marked it sent; keep its state.
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No notice is recorded for the draw and recipient.</exception>
    public async Task MarkSentAsync(
        string drawId, string recipientId, string messageId, CancellationToken cancellationToken = default)
    {
        ValidateKeys(drawId, recipientId);
        StoreValidation.RequireText(nameof(messageId), messageId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = new TableEntity(drawId, recipientId)
        {
            [StateProperty] = nameof(NoticeState.Sent),
            [MessageIdProperty] = messageId,
        };
        TableLimits.ThrowIfInvalid("notice", entity);
        try
        {
            await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw NotRecorded(drawId, recipientId, e);
        }
    }

    /// <inheritdoc/>
    public async Task<NoticeState?> GetStateAsync(
        string drawId, string recipientId, CancellationToken cancellationToken = default)
    {
        ValidateKeys(drawId, recipientId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations.GetIfExistsAsync(table, drawId, recipientId, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : ReadState(entity);
    }

    /// <inheritdoc/>
    /// <remarks>The result has an entry for every state, zero when no notice is in it.</remarks>
    public async Task<IReadOnlyDictionary<NoticeState, int>> CountAsync(
        string drawId, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(drawId), drawId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entities = await TableOperations
            .QueryPartitionAsync(table, drawId, context.Options.MaxPerPage, cancellationToken, [StateProperty])
            .ConfigureAwait(false);
        var counts = Enum.GetValues<NoticeState>().ToDictionary(state => state, _ => 0);
        foreach (var entity in entities)
        {
            counts[ReadState(entity)]++;
        }

        return counts;
    }

    private static NoticeState ReadState(TableEntity entity) => StoredValues.ToEnum<NoticeState>(entity, StateProperty);

    private static InvalidOperationException NotRecorded(string drawId, string recipientId, Exception? inner) =>
        new($"No notice is recorded for draw '{drawId}' and recipient '{recipientId}'; add it first.", inner);

    private static void ValidateKeys(string drawId, string recipientId)
    {
        TableKeys.ThrowIfInvalid(nameof(drawId), drawId);
        TableKeys.ThrowIfInvalid(nameof(recipientId), recipientId);
    }

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.GetTableClient(StorageNames.Outbox);
    }
}
