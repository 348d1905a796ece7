using Azure;
using Azure.Data.Tables;
using Serverless.Shared.Domain;

namespace Serverless.Shared.Storage;

/// <summary>
/// <see cref="IRegistryStore"/> on Azure Table storage. Offices are one partition (<c>440000</c>), officers
/// and employers are partitioned by office code, items and plans have one partition each. Lists are returned
/// in ordinal order of their row keys.
/// </summary>
/// <remarks>
/// NOTE: officers and employers are keyed by their office, and the store has no delete. An officer or employer
/// upserted with a new office code therefore also stays listed under the old office.
/// </remarks>
public sealed class TableRegistryStore : IRegistryStore
{
    private readonly StorageContext context;

    /// <summary>Creates the store on the tables of <paramref name="context"/>.</summary>
    public TableRegistryStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
    }

    /// <inheritdoc/>
    public async Task UpsertOfficesAsync(
        IReadOnlyCollection<Office> offices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(offices);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = offices.Select((office, i) =>
        {
            var field = $"offices[{i}]";
            RegistryValidation.ValidateOffice(field, office);
            StoreValidation.RequireUnique(seen, "offices", i, "code", office.Code);
            return Checked(field, RegistryEntities.FromOffice(office));
        }).ToList();

        await WriteAsync(StorageNames.Offices, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Office?> GetOfficeAsync(string officeCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var table = await TableAsync(StorageNames.Offices, cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations
            .GetIfExistsAsync(table, StorageNames.ProvincePartition, officeCode, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : RegistryEntities.ToOffice(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Office>> ListOfficesAsync(CancellationToken cancellationToken = default)
    {
        var entities = await ReadPartitionAsync(StorageNames.Offices, StorageNames.ProvincePartition, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(RegistryEntities.ToOffice).ToList();
    }

    /// <inheritdoc/>
    public async Task UpsertOfficersAsync(
        IReadOnlyCollection<Officer> officers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officers);
        var officeCodes = await ReadOfficeCodesAsync(cancellationToken).ConfigureAwait(false);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = officers.Select((officer, i) =>
        {
            var field = $"officers[{i}]";
            RegistryValidation.ValidateOfficer(field, officer, officeCodes);
            // Officer ids are unique across the province, not only within an office.
            StoreValidation.RequireUnique(seen, "officers", i, "officerId", officer.OfficerId);
            return Checked(field, RegistryEntities.FromOfficer(field, officer));
        }).ToList();

        await WriteAsync(StorageNames.Officers, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Officer?> GetOfficerAsync(
        string officeCode, string officerId, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        TableKeys.ThrowIfInvalid("officerId", officerId);
        var table = await TableAsync(StorageNames.Officers, cancellationToken).ConfigureAwait(false);
        var entity = await TableOperations.GetIfExistsAsync(table, officeCode, officerId, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : RegistryEntities.ToOfficer(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Officer>> ListOfficersAsync(
        string officeCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var entities = await ReadPartitionAsync(
                StorageNames.Officers, officeCode, cancellationToken, RegistryEntities.OfficerProperties)
            .ConfigureAwait(false);
        return entities.Select(RegistryEntities.ToOfficer).ToList();
    }

    /// <inheritdoc/>
    public async Task UpsertEmployersAsync(
        IReadOnlyCollection<Employer> employers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(employers);
        var officeCodes = await ReadOfficeCodesAsync(cancellationToken).ConfigureAwait(false);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = employers.Select((employer, i) =>
        {
            var field = $"employers[{i}]";
            RegistryValidation.ValidateEmployer(field, employer, officeCodes);
            // A credit code identifies one employer, so it belongs to one office only.
            StoreValidation.RequireUnique(seen, "employers", i, "creditCode", employer.CreditCode);
            return Checked(field, RegistryEntities.FromEmployer(field, employer));
        }).ToList();

        await WriteAsync(StorageNames.Employers, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<Employer>> ListEmployersAsync(
        string officeCode, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var entities = await ReadPartitionAsync(
                StorageNames.Employers, officeCode, cancellationToken, RegistryEntities.EmployerProperties)
            .ConfigureAwait(false);
        return entities.Select(RegistryEntities.ToEmployer).ToList();
    }

    /// <inheritdoc/>
    /// <exception cref="ValidationException">
    /// A credit code is invalid or not an employer of the office; nothing is written then.
    /// </exception>
    public async Task SetLastInspectedAsync(
        string officeCode, IReadOnlyCollection<string> creditCodes, DateOnly inspectedOn,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creditCodes);
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var stored = TableLimits.ToStoredDate("inspectedOn", inspectedOn);

        var codes = creditCodes.ToList();
        for (var i = 0; i < codes.Count; i++)
        {
            StoreValidation.RequireCreditCode($"creditCodes[{i}]", codes[i]);
        }

        var table = await TableAsync(StorageNames.Employers, cancellationToken).ConfigureAwait(false);
        var existing = await TableOperations
            .QueryPartitionAsync(table, officeCode, context.Options.MaxPerPage, cancellationToken, ["RowKey"])
            .ConfigureAwait(false);
        var known = existing.Select(entity => entity.RowKey).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            if (!known.Contains(codes[i]))
            {
                throw new ValidationException(
                    $"creditCodes[{i}]", codes[i], $"is not an employer of office {officeCode}");
            }
        }

        var actions = codes.Distinct(StringComparer.Ordinal).Select(code => new TableTransactionAction(
            TableTransactionActionType.UpdateMerge,
            new TableEntity(officeCode, code) { [nameof(Employer.LastInspectedOn)] = stored },
            ETag.All));
        await TableOperations.SubmitAllAsync(table, actions, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task UpsertItemsAsync(
        IReadOnlyCollection<InspectionItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = items.Select((item, i) =>
        {
            var field = $"items[{i}]";
            RegistryValidation.ValidateItem(field, item);
            StoreValidation.RequireUnique(seen, "items", i, "code", item.Code);
            return Checked(field, RegistryEntities.FromItem(item));
        }).ToList();
        var versions = items.Select(RegistryEntities.FromItemVersion).ToList();

        // Versions are written first, so an item in force always has its version in the history.
        await WriteAsync(StorageNames.Items, versions, cancellationToken).ConfigureAwait(false);
        await WriteAsync(StorageNames.Items, entities, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InspectionItem>> ListItemVersionsAsync(CancellationToken cancellationToken = default)
    {
        var entities = await ReadPartitionAsync(StorageNames.Items, StorageNames.ItemVersionsPartition, cancellationToken)
            .ConfigureAwait(false);
        return entities
            .Select(RegistryEntities.ToItemVersion)
            .OrderBy(item => item.Code, StringComparer.Ordinal)
            .ThenBy(item => item.Version)
            .ToList();
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InspectionItem>> ListItemsAsync(CancellationToken cancellationToken = default)
    {
        var entities = await ReadPartitionAsync(StorageNames.Items, StorageNames.ItemsPartition, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(RegistryEntities.ToItem).ToList();
    }

    /// <inheritdoc/>
    public async Task UpsertPlanAsync(DrawPlan plan, CancellationToken cancellationToken = default)
    {
        RegistryValidation.ValidatePlan("plan", plan);
        var entity = Checked("plan", RegistryEntities.FromPlan(plan));

        await WriteAsync(StorageNames.Plans, [entity], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<DrawPlan?> GetPlanAsync(string planId, CancellationToken cancellationToken = default)
    {
        TableKeys.ThrowIfInvalid("planId", planId);
        var table = await TableAsync(StorageNames.Plans, cancellationToken).ConfigureAwait(false);

        var entity = await TableOperations
            .GetIfExistsAsync(table, StorageNames.PlansPartition, planId, cancellationToken)
            .ConfigureAwait(false);
        return entity is null ? null : RegistryEntities.ToPlan(entity);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DrawPlan>> ListPlansAsync(CancellationToken cancellationToken = default)
    {
        var entities = await ReadPartitionAsync(StorageNames.Plans, StorageNames.PlansPartition, cancellationToken)
            .ConfigureAwait(false);
        return entities.Select(RegistryEntities.ToPlan).ToList();
    }

    private static TableEntity Checked(string field, TableEntity entity)
    {
        TableLimits.ThrowIfInvalid(field, entity);
        return entity;
    }

    private async Task<TableClient> TableAsync(string name, CancellationToken cancellationToken)
    {
        await context.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return context.GetTableClient(name);
    }

    private async Task WriteAsync(string tableName, List<TableEntity> entities, CancellationToken cancellationToken)
    {
        var table = await TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        await TableOperations.UpsertAllAsync(table, entities, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<TableEntity>> ReadPartitionAsync(
        string tableName, string partitionKey, CancellationToken cancellationToken,
        IReadOnlyList<string>? select = null)
    {
        var table = await TableAsync(tableName, cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(table, partitionKey, context.Options.MaxPerPage, cancellationToken, select)
            .ConfigureAwait(false);
        entities.Sort((left, right) => string.CompareOrdinal(left.RowKey, right.RowKey));
        return entities;
    }

    private async Task<HashSet<string>> ReadOfficeCodesAsync(CancellationToken cancellationToken)
    {
        var table = await TableAsync(StorageNames.Offices, cancellationToken).ConfigureAwait(false);
        var entities = await TableOperations
            .QueryPartitionAsync(
                table, StorageNames.ProvincePartition, context.Options.MaxPerPage, cancellationToken, ["RowKey"])
            .ConfigureAwait(false);
        return entities.Select(entity => entity.RowKey).ToHashSet(StringComparer.Ordinal);
    }
}
