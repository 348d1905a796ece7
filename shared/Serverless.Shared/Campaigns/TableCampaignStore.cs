using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// <see cref="ICampaignStore"/> on Azure Table storage: one partition, row key the campaign id. Adding uses
/// AddEntity, so of two concurrent adds of one id exactly one succeeds.
/// </summary>
public sealed class TableCampaignStore : ICampaignStore
{
    /// <summary>Table name, without the prefix.</summary>
    public const string TableName = "campaigns";

    private const string Partition = "campaigns";
    private const string CampaignProperty = "Campaign";
    private const string RequestProperty = "RequestSha256";
    private const string CancellationProperty = "Cancellation";
    private const string StartClaimProperty = "StartClaimedAt";

    private readonly StorageContext context;
    private readonly Lazy<Task<TableClient>> table;

    /// <summary>Creates the store on the campaigns table of <paramref name="context"/>, created on first use.</summary>
    public TableCampaignStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        table = new Lazy<Task<TableClient>>(CreateTableAsync);
    }

    /// <inheritdoc/>
    public async Task<bool> TryAddAsync(Campaign campaign, string requestSha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentException.ThrowIfNullOrEmpty(requestSha256);
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, campaign.CampaignId)
        {
            [CampaignProperty] = JsonSerializer.Serialize(campaign, RecordJson.Options),
            [RequestProperty] = requestSha256,
        };
        try
        {
            await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<StoredCampaign?> GetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var entity = await GetEntityAsync(campaignId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToStored(entity);
    }

    /// <inheritdoc/>
    public async Task<bool> TryClaimStartAsync(
        string campaignId, DateTimeOffset now, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entity = await GetEntityAsync(campaignId, cancellationToken).ConfigureAwait(false);
        if (entity is null || entity.GetDateTimeOffset(StartClaimProperty) is { } claimed && now - claimed < staleAfter)
        {
            return false;
        }

        entity[StartClaimProperty] = now;
        try
        {
            await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async Task<CampaignCancellation?> CancelAsync(
        string campaignId, CampaignCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentNullException.ThrowIfNull(cancellation);
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var entity = await GetEntityAsync(campaignId, cancellationToken).ConfigureAwait(false);
            if (entity is null)
            {
                return null;
            }

            var stored = ToStored(entity);
            if (stored.Cancellation is not null)
            {
                return stored.Cancellation;
            }

            entity[CancellationProperty] = JsonSerializer.Serialize(cancellation, RecordJson.Options);
            try
            {
                await client.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Merge, cancellationToken)
                    .ConfigureAwait(false);
                return cancellation;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another caller changed the row first; read it again and keep whichever cancellation was stored.
            }
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string campaignId, CancellationToken cancellationToken)
    {
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var response = await client
            .GetEntityIfExistsAsync<TableEntity>(Partition, campaignId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<TableClient> CreateTableAsync()
    {
        var client = context.GetTableClient(TableName);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }

    private static StoredCampaign ToStored(TableEntity entity)
    {
        var campaign = JsonSerializer.Deserialize<Campaign>(entity.GetString(CampaignProperty), RecordJson.Options)
            ?? throw new JsonException($"Campaign row {entity.RowKey} holds no campaign.");
        var cancellation = entity.GetString(CancellationProperty) is { } text
            ? JsonSerializer.Deserialize<CampaignCancellation>(text, RecordJson.Options)
            : null;
        return new StoredCampaign(campaign, entity.GetString(RequestProperty), cancellation);
    }
}
