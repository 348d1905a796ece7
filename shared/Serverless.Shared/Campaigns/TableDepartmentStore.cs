using System.Text.Json;
using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Records;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Campaigns;

/// <summary>
/// <see cref="IDepartmentStore"/> on Azure Table storage: a department row in partition "departments" and one row
/// per officer in partition "roster|{code}", holding the officer as JSON.
/// </summary>
public sealed class TableDepartmentStore : IDepartmentStore
{
    /// <summary>Table name, without the prefix.</summary>
    public const string TableName = "departments";

    private const string DepartmentPartition = "departments";
    private const string NameProperty = "Name";
    private const string OfficerProperty = "Officer";

    private readonly StorageContext context;
    private readonly Lazy<Task<TableClient>> table;

    /// <summary>Creates the store on the departments table of <paramref name="context"/>, created on first use.</summary>
    public TableDepartmentStore(StorageContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.context = context;
        table = new Lazy<Task<TableClient>>(CreateTableAsync);
    }

    /// <inheritdoc/>
    public async Task UpsertAsync(Department department, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        Validate(department);
        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var partition = RosterPartition(department.Code);
        var rows = department.Officers
            .Select(officer => new TableEntity(partition, officer.OfficerId)
            {
                [OfficerProperty] = JsonSerializer.Serialize(officer, RecordJson.Options),
            })
            .ToList();
        var kept = rows.Select(row => row.RowKey).ToHashSet(StringComparer.Ordinal);
        var stale = (await TableOperations.QueryPartitionAsync(
                client, partition, context.Options.MaxPerPage, cancellationToken, ["PartitionKey", "RowKey"]).ConfigureAwait(false))
            .Where(row => !kept.Contains(row.RowKey))
            .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, Azure.ETag.All));

        // The roster is written before the department row, so a department that can be read has its roster.
        await TableOperations.UpsertAllAsync(client, rows, cancellationToken).ConfigureAwait(false);
        await TableOperations.SubmitAllAsync(client, stale, cancellationToken).ConfigureAwait(false);
        await client.UpsertEntityAsync(
            new TableEntity(DepartmentPartition, department.Code) { [NameProperty] = department.Name },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<Department?> GetAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (!IsValidCode(code))
        {
            return null;
        }

        var client = await table.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var row = await TableOperations.GetIfExistsAsync(client, DepartmentPartition, code, cancellationToken)
            .ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var officers = (await TableOperations.QueryPartitionAsync(
                client, RosterPartition(code), context.Options.MaxPerPage, cancellationToken).ConfigureAwait(false))
            .OrderBy(entity => entity.RowKey, StringComparer.Ordinal)
            .Select(entity => JsonSerializer.Deserialize<Officer>(entity.GetString(OfficerProperty), RecordJson.Options)
                ?? throw new JsonException($"Roster row {entity.RowKey} of department {code} contains no officer."))
            .ToList();
        return new Department(code, row.GetString(NameProperty), officers);
    }

    /// <summary>Returns true for a code of 1 to 32 lowercase ASCII letters, digits and hyphens.</summary>
    public static bool IsValidCode(string code) =>
        code.Length is >= 1 and <= 32 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void Validate(Department department)
    {
        if (department.Code is null || !IsValidCode(department.Code))
        {
            throw new ValidationException(
                "department.code", department.Code, "must be 1 to 32 lowercase ASCII letters, digits or hyphens");
        }

        if (department.Code == Department.LeadCode)
        {
            throw new ValidationException(
                "department.code", department.Code, "is the lead department, whose roster is the officer roster");
        }

        StoreValidation.RequireText("department.name", department.Name);
        ArgumentNullException.ThrowIfNull(department.Officers);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < department.Officers.Count; i++)
        {
            var field = $"department.officers[{i}]";
            var officer = department.Officers[i] ?? throw new ValidationException(field, null, "is missing");
            TableKeys.ThrowIfInvalid($"{field}.officerId", officer.OfficerId);
            StoreValidation.RequireOfficeCode($"{field}.officeCode", officer.OfficeCode);
            StoreValidation.RequireText($"{field}.name", officer.Name);
            StoreValidation.RequireText($"{field}.certificateNumber", officer.CertificateNumber);
            StoreValidation.RequireEmail($"{field}.email", officer.Email);
            StoreValidation.RequireDefined($"{field}.status", officer.Status);
            StoreValidation.RequireList($"{field}.qualifications", officer.Qualifications);
            StoreValidation.RequireList($"{field}.conflicts", officer.Conflicts);
            if (!ids.Add(officer.OfficerId))
            {
                throw new ValidationException($"{field}.officerId", officer.OfficerId, "repeats an earlier officer id");
            }
        }
    }

    private static string RosterPartition(string code) => $"roster|{code}";

    private async Task<TableClient> CreateTableAsync()
    {
        var client = context.GetTableClient(TableName);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }
}
