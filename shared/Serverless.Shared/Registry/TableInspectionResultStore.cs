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
        var entities = new List<TableEntity>(results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            var field = $"results[{i}]";
            var result = results[i] ?? throw new ValidationException(field, null, "is missing");
            TableKeys.ThrowIfInvalidKeyPart($"{field}.drawId", result.DrawId);
            StoreValidation.RequireOfficeCode($"{field}.officeCode", result.OfficeCode);
            StoreValidation.RequireCreditCode($"{field}.creditCode", result.CreditCode);
            StoreValidation.RequireText($"{field}.employerName", result.EmployerName);
            StoreValidation.RequireDefined($"{field}.outcome", result.Outcome);
            StoreValidation.RequireNotNull($"{field}.findings", result.Findings);
            var entity = ToEntity(field, result);
            TableLimits.ThrowIfInvalid(field, entity);
            entities.Add(entity);
        }

        var table = await tables.GetAsync(RegistryTables.InspectionResults, cancellationToken).ConfigureAwait(false);
        await TableOperations.UpsertAllAsync(table, entities, cancellationToken).ConfigureAwait(false);
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
