using Azure.Data.Tables;

namespace Serverless.Shared.Storage;

/// <summary>Queries that read every page and writes split into transactions Azure Table storage accepts.</summary>
internal static class TableOperations
{
    /// <summary>
    /// Reads every entity, page by page, that matches a filter built with <see cref="TableClient.CreateQueryFilter"/>.
    /// </summary>
    public static async Task<List<TableEntity>> QueryAllAsync(
        TableClient table, string filter, int? maxPerPage, CancellationToken cancellationToken,
        IEnumerable<string>? select = null)
    {
        var entities = new List<TableEntity>();
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken).AsPages();
        await foreach (var page in pages.ConfigureAwait(false))
        {
            entities.AddRange(page.Values);
        }

        return entities;
    }

    /// <summary>Reads every entity of one partition.</summary>
    public static Task<List<TableEntity>> QueryPartitionAsync(
        TableClient table, string partitionKey, int? maxPerPage, CancellationToken cancellationToken,
        IEnumerable<string>? select = null) =>
        QueryAllAsync(
            table, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), maxPerPage, cancellationToken,
            select);

    /// <summary>Reads one entity, or returns null when it does not exist.</summary>
    public static async Task<TableEntity?> GetIfExistsAsync(
        TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table
            .GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Upserts entities (replacing every property) in transactions of one partition and at most 100 operations.
    /// </summary>
    public static async Task UpsertAllAsync(
        TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        // NOTE: each transaction is atomic, but a failure between transactions leaves the earlier ones
        // written. Upserts are idempotent, so repeating the call completes the write.
        var actions = entities.Select(
            entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
        await SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits operations in transactions of one partition and at most 100 operations each.</summary>
    public static async Task SubmitAllAsync(
        TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var transaction in TableLimits.ChunkTransactions(actions))
        {
            await table.SubmitTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        }
    }
}
