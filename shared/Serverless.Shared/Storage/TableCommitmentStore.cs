using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// <see cref="ICommitmentStore"/> on Azure Table storage: partition plan id, row key the slot in UTC as
/// <c>yyyyMMddTHHmmZ</c>, so the rows of a plan sort by slot.
/// </summary>
public sealed class TableCommitmentStore : ICommitmentStore
{
    /// <summary>Format of the row key; slots are whole minutes because schedules are five-field cron.</summary>
    public const string SlotFormat = "yyyyMMdd'T'HHmm'Z'";

    private const string SlotProperty = nameof(SeedCommitment.Slot);
    private const string SeedProperty = nameof(SeedCommitment.SeedSha256);
    private const string PoolsProperty = nameof(SeedCommitment.PoolSha256ByOffice);
    private const string CommittedAtProperty = nameof(SeedCommitment.CommittedAt);

    private readonly StorageContext context;

    /// <summary>Creates the store on the commitments table of <paramref name="context"/>.</summary>
    public TableCommitmentStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <summary>Formats a slot as its row key, in UTC.</summary>
    public static string FormatSlot(DateTimeOffset slot) =>
        slot.UtcDateTime.ToString(SlotFormat, CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public async Task<SeedCommitment> AddIfMissingAsync(
        SeedCommitment commitment, CancellationToken cancellationToken = default)
    {
        Validate(commitment);
        var entity = ToEntity(commitment);
        TableLimits.ThrowIfInvalid("commitment", entity);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return commitment;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var stored = await TableOperations
                .GetIfExistsAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken)
                .ConfigureAwait(false);
            // Commitments are never deleted, so the row that caused the conflict is still there.
            return ToCommitment(stored ?? throw new InvalidOperationException(
                $"Commitment {entity.PartitionKey}/{entity.RowKey} conflicted on add but could not be read.", e));
        }
    }

    /// <inheritdoc/>
    public async Task<SeedCommitment?> GetAsync(
        string planId, DateTimeOffset slot, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(planId), planId);
        ValidateSlot(nameof(slot), slot);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations.GetIfExistsAsync(table, planId, FormatSlot(slot), cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : ToCommitment(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<SeedCommitment>> ListAsync(
        string planId, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid(nameof(planId), planId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);

        var entities = await TableOperations
            .QueryPartitionAsync(table, planId, context.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(ToCommitment).OrderBy(commitment => commitment.Slot).ToList();
    }

    private static void Validate(SeedCommitment? commitment)
    {
        if (commitment is null)
        {
            throw new ValidationException("commitment", null, "is missing");
        }

        TableKeys.ThrowIfInvalid("commitment.planId", commitment.PlanId);
        ValidateSlot("commitment.slot", commitment.Slot);
        RequireSha256("commitment.seedSha256", commitment.SeedSha256);
        if (commitment.PoolSha256ByOffice is null)
        {
            throw new ValidationException("commitment.poolSha256ByOffice", null, "is missing");
        }

        foreach (var (officeCode, hash) in commitment.PoolSha256ByOffice)
        {
            StoreValidation.RequireOfficeCode("commitment.poolSha256ByOffice", officeCode);
            RequireSha256($"commitment.poolSha256ByOffice[{officeCode}]", hash);
        }

        TableLimits.ThrowIfBeforeMinDate("commitment.committedAt", commitment.CommittedAt);
    }

    private static void ValidateSlot(string field, DateTimeOffset slot)
    {
        TableLimits.ThrowIfBeforeMinDate(field, slot);
        if (slot.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ValidationException(
                field, slot.ToString("O", CultureInfo.InvariantCulture),
                "is not a whole minute; slots are the minutes of a five-field cron schedule");
        }
    }

    private static void RequireSha256(string field, string? value)
    {
        if (value is null || value.Length != 64 || !value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ValidationException(field, value, "is not a lowercase hex SHA-256 (64 characters 0-9, a-f)");
        }
    }

    private static TableEntity ToEntity(SeedCommitment commitment) =>
        new(commitment.PlanId, FormatSlot(commitment.Slot))
        {
            [SlotProperty] = commitment.Slot.ToUniversalTime(),
            [SeedProperty] = commitment.SeedSha256,
            [PoolsProperty] = StoredValues.FromMap(commitment.PoolSha256ByOffice),
            [CommittedAtProperty] = commitment.CommittedAt.ToUniversalTime(),
        };

    private static SeedCommitment ToCommitment(TableEntity entity) => new(
        entity.PartitionKey,
        StoredValues.RequireDateTimeOffset(entity, SlotProperty),
        StoredValues.RequireString(entity, SeedProperty),
        StoredValues.ToMap(entity, PoolsProperty),
        StoredValues.RequireDateTimeOffset(entity, CommittedAtProperty));

    private async Task<TableClient> TableAsync(CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.GetTableClient(StorageNames.Commitments);
    }
}
