using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Inspection results in the table <see cref="RegistryTables.InspectionResults"/>, partitioned by office,
/// row key <c>{drawId}|{creditCode}</c>.
/// </summary>
public sealed class TableInspectionResultStore : IInspectionResultStore
{
    private readonly RegistryTables tables;

    /// <summary>Creates the store on the tables of <paramref name="tables"/>.</summary>
    public TableInspectionResultStore(RegistryTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        this.tables = tables;
    }

    /// <inheritdoc/>
    public async Task UpsertAsync(IReadOnlyList<InspectionResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var entities = results.Select((result, i) => ToCheckedEntity($"results[{i}]", result)).ToList();
        var table = await tables.GetAsync(RegistryTables.InspectionResults, cancellationToken).ConfigureAwait(false);
        await TableOperations.UpsertAllAsync(table, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<InspectionResult?> PutAsync(InspectionResult result, CancellationToken cancellationToken = default)
    {
        var entity = ToCheckedEntity("result", result);
        var table = await tables.GetAsync(RegistryTables.InspectionResults, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var stored = await TableOperations
                .GetIfExistsAsync(table, entity.PartitionKey, entity.RowKey, cancellationToken)
                .ConfigureAwait(false);
            var earlier = stored is null ? null : FromEntity(stored);
            if (earlier == result)
            {
                return earlier;
            }

            try
            {
                if (stored is null)
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(entity, stored.ETag, TableUpdateMode.Replace, cancellationToken)
                        .ConfigureAwait(false);
                }

                return earlier;
            }
            catch (RequestFailedException failed) when (failed.Status is 409 or 412)
            {
                // Another writer stored this result after the read, so read it again and decide again.
            }
        }
    }

    /// <inheritdoc/>
    public async Task<InspectionResult?> GetAsync(
        string officeCode, string drawId, string creditCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        TableKeys.ThrowIfInvalidKeyPart("drawId", drawId);
        StoreValidation.RequireCreditCode("creditCode", creditCode);
        var table = await tables.GetAsync(RegistryTables.InspectionResults, cancellationToken).ConfigureAwait(false);
        var entity = await TableOperations
            .GetIfExistsAsync(table, officeCode, TableKeys.Join(drawId, creditCode), cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InspectionResult>> ListAsync(
        string officeCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var table = await tables.GetAsync(RegistryTables.InspectionResults, cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(table, officeCode, tables.Storage.Options.MaxPerPage, cancellationToken)
            .ConfigureAwait(false);
        return entities.OrderBy(entity => entity.RowKey, StringComparer.Ordinal).Select(FromEntity).ToList();
    }

    private static TableEntity ToCheckedEntity(string field, InspectionResult? result)
    {
        if (result is null)
        {
            throw new ValidationException(field, null, "is missing");
        }

        TableKeys.ThrowIfInvalidKeyPart($"{field}.drawId", result.DrawId);
        StoreValidation.RequireOfficeCode($"{field}.officeCode", result.OfficeCode);
        StoreValidation.RequireCreditCode($"{field}.creditCode", result.CreditCode);
        StoreValidation.RequireText($"{field}.employerName", result.EmployerName);
        StoreValidation.RequireDefined($"{field}.outcome", result.Outcome);
        StoreValidation.RequireNotNull($"{field}.findings", result.Findings);
        var entity = ToEntity(field, result);
        TableLimits.ThrowIfInvalid(field, entity);
        return entity;
    }

    private static TableEntity ToEntity(string field, InspectionResult result) =>
        new(result.OfficeCode, TableKeys.Join(result.DrawId, result.CreditCode))
        {
            [nameof(InspectionResult.DrawId)] = result.DrawId,
            [nameof(InspectionResult.CreditCode)] = result.CreditCode,
            [nameof(InspectionResult.EmployerName)] = result.EmployerName,
            [nameof(InspectionResult.InspectedOn)] = TableLimits.ToStoredDate($"{field}.inspectedOn", result.InspectedOn),
            [nameof(InspectionResult.Outcome)] = result.Outcome.ToString(),
            [nameof(InspectionResult.Findings)] = result.Findings,
        };

    private static InspectionResult FromEntity(TableEntity entity) => new(
        StoredValues.RequireString(entity, nameof(InspectionResult.DrawId)),
        entity.PartitionKey,
        StoredValues.RequireString(entity, nameof(InspectionResult.CreditCode)),
        StoredValues.RequireString(entity, nameof(InspectionResult.EmployerName)),
        StoredValues.RequireDate(entity, nameof(InspectionResult.InspectedOn)),
        StoredValues.ToEnum<InspectionOutcome>(entity, nameof(InspectionResult.Outcome)),
        StoredValues.RequireString(entity, nameof(InspectionResult.Findings)));
}
