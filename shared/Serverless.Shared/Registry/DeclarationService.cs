using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Online self-declarations: stored as pending in <see cref="RegistryTables.Declarations"/>, apart from the
/// employer registry, so they never reach a draw pool until the county office confirms them.
/// </summary>
public sealed class DeclarationService
{
    // The employer's own Status property is stored beside it, so the declaration's state needs another name.
    private const string StatusProperty = "DeclarationStatus";

    private readonly RegistryTables tables;
    private readonly RegistryChangeWriter writer;
    private readonly TimeProvider time;

    /// <summary>Creates the service on the registry of <paramref name="tables"/>.</summary>
    public DeclarationService(RegistryTables tables, TableHistoryStore history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        this.tables = tables;
        writer = new RegistryChangeWriter(tables, history);
        this.time = time;
    }

    /// <summary>
    /// Validates and stores a declaration as pending. It replaces an earlier declaration of the same employer
    /// for that office, whatever its state, so an employer can correct a rejected declaration.
    /// </summary>
    /// <exception cref="ValidationException">A field is invalid.</exception>
    /// <exception cref="DeclarationConflictException">The employer is registered under another office.</exception>
    public async Task<Declaration> SubmitAsync(DeclarationForm form, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var offices = new OfficeTree(await tables.Storage.Registry.ListOfficesAsync(cancellationToken).ConfigureAwait(false));
        var employer = Validate(form, offices);
        var registered = await FindRegisteredOfficeAsync(employer.CreditCode, cancellationToken).ConfigureAwait(false);
        if (registered is not null && registered != employer.OfficeCode)
        {
            throw new DeclarationConflictException(
                employer.CreditCode, $"The employer is registered under office {registered}; declare it there.");
        }

        var table = await tables.GetAsync(RegistryTables.Declarations, cancellationToken).ConfigureAwait(false);
        var declaration = new Declaration(employer, DeclarationStatus.Pending, time.GetUtcNow(), null, null, null);
        var entity = ToEntity(declaration);
        TableLimits.ThrowIfInvalid("declaration", entity);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return declaration;
    }

    /// <summary>Lists the declarations of one office that have the given status, in credit code order.</summary>
    public async Task<IReadOnlyList<Declaration>> ListAsync(
        string officeCode, DeclarationStatus status, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        var table = await tables.GetAsync(RegistryTables.Declarations, cancellationToken).ConfigureAwait(false);
        // CreateQueryFilter quotes every interpolated value as a literal, so the property name is written out.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {officeCode} and DeclarationStatus eq {status.ToString()}");
        var entities = await TableOperations
            .QueryAllAsync(table, filter, tables.Storage.Options.MaxPerPage, cancellationToken).ConfigureAwait(false);
        return entities.OrderBy(entity => entity.RowKey, StringComparer.Ordinal).Select(FromEntity).ToList();
    }

    /// <summary>
    /// Confirms a pending declaration and writes the employer to the registry with history. Only the office
    /// that the employer declared for may confirm it.
    /// </summary>
    /// <exception cref="ValidationException">No declaration of this employer exists for the office.</exception>
    /// <exception cref="DeclarationConflictException">The declaration is not pending.</exception>
    /// <exception cref="RegistryConflictException">
    /// Another writer changed a declared field of the registered employer meanwhile; the declaration stays pending.
    /// </exception>
    public async Task<Declaration> ConfirmAsync(
        string officeCode, string creditCode, string actor, CancellationToken cancellationToken = default)
    {
        var (table, declaration) = await GetPendingAsync(officeCode, creditCode, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var registry = await tables.GetAsync(StorageNames.Employers, cancellationToken).ConfigureAwait(false);
        var stored = await TableOperations
            .GetIfExistsAsync(registry, officeCode, creditCode, cancellationToken).ConfigureAwait(false);
        var entity = RegistryEntities.FromEmployer("employer", declaration.Employer);
        var merged = RegistryChangeWriter.KeepOthers(entity, stored, EmployerLayout.Instance.ImportedProperties);
        var result = await writer.WriteAsync(
            RegistryKind.Employers, StorageNames.Employers, [new RegistryChange(merged, stored)], actor,
            "online self-declaration confirmed", now, cancellationToken).ConfigureAwait(false);
        if (result.Conflicts.Count > 0)
        {
            throw new RegistryConflictException(result.Conflicts[0]);
        }

        var decided = declaration with { Status = DeclarationStatus.Confirmed, DecidedBy = actor, DecidedAt = now };
        await table.UpsertEntityAsync(ToEntity(decided), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return decided;
    }

    /// <summary>Rejects a pending declaration with a reason; the registry is not changed.</summary>
    /// <exception cref="ValidationException">The reason is missing, or no such declaration exists.</exception>
    /// <exception cref="DeclarationConflictException">The declaration is not pending.</exception>
    public async Task<Declaration> RejectAsync(
        string officeCode, string creditCode, string actor, string reason, CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireText("reason", reason);
        if (reason.Length > FieldLimits.Address)
        {
            throw new ValidationException("reason", CellReader.Shorten(reason), $"is longer than {FieldLimits.Address}");
        }

        var (table, declaration) = await GetPendingAsync(officeCode, creditCode, cancellationToken).ConfigureAwait(false);
        var decided = declaration with
        {
            Status = DeclarationStatus.Rejected,
            DecidedBy = actor,
            DecidedAt = time.GetUtcNow(),
            Reason = reason.Trim(),
        };
        await table.UpsertEntityAsync(ToEntity(decided), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return decided;
    }

    private static Employer Validate(DeclarationForm form, OfficeTree offices)
    {
        StoreValidation.RequireCreditCode("creditCode", form.CreditCode);
        StoreValidation.RequireText("name", form.Name);
        RequireMaxLength("name", form.Name, FieldLimits.Name);
        FreeText.ThrowIfControlCharacter("name", form.Name);
        StoreValidation.RequireOfficeCode("officeCode", form.OfficeCode);
        var office = offices.Get(form.OfficeCode, "officeCode");
        if (!office.Inspects)
        {
            throw new ValidationException(
                "officeCode", form.OfficeCode, "is an office that does not inspect employers; name the county office");
        }

        var address = form.Address?.Trim() ?? "";
        RequireMaxLength("address", address, FieldLimits.Address);
        FreeText.ThrowIfControlCharacter("address", address);
        var industry = form.Industry?.Trim() ?? "";
        if (industry.Length != 1 || industry[0] is < 'A' or > 'T')
        {
            throw new ValidationException("industry", industry, "is not a GB/T 4754 section letter from A to T");
        }

        if (form.Headcount is < 0 or > FieldLimits.MaxHeadcount)
        {
            throw new ValidationException(
                "headcount", form.Headcount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"is outside 0 to {FieldLimits.MaxHeadcount}");
        }

        StoreValidation.RequireDefined("targetType", form.TargetType);
        return new Employer(
            form.CreditCode, form.Name.Trim(), form.OfficeCode, address, industry, form.Headcount, form.TargetType,
            EmployerSource.SelfDeclaration, [], null, EmployerStatus.Active);
    }

    private static void RequireMaxLength(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw new ValidationException(
                field, CellReader.Shorten(value), $"has {value.Length} characters, more than {maxLength}");
        }
    }

    private async Task<string?> FindRegisteredOfficeAsync(string creditCode, CancellationToken cancellationToken)
    {
        // NOTE: a query on RowKey alone scans the employer table; self-declarations are rare enough for that.
        var registry = await tables.GetAsync(StorageNames.Employers, cancellationToken).ConfigureAwait(false);
        var matches = await TableOperations.QueryAllAsync(
            registry, TableClient.CreateQueryFilter($"RowKey eq {creditCode}"), 1, cancellationToken,
            ["PartitionKey"]).ConfigureAwait(false);
        return matches.Count == 0 ? null : matches[0].PartitionKey;
    }

    private async Task<(TableClient Table, Declaration Declaration)> GetPendingAsync(
        string officeCode, string creditCode, CancellationToken cancellationToken)
    {
        StoreValidation.RequireOfficeCode("officeCode", officeCode);
        StoreValidation.RequireCreditCode("creditCode", creditCode);
        var table = await tables.GetAsync(RegistryTables.Declarations, cancellationToken).ConfigureAwait(false);
        var entity = await TableOperations.GetIfExistsAsync(table, officeCode, creditCode, cancellationToken)
            .ConfigureAwait(false)
            ?? throw new ValidationException("creditCode", creditCode, $"has no declaration for office {officeCode}");
        var declaration = FromEntity(entity);
        if (declaration.Status != DeclarationStatus.Pending)
        {
            throw new DeclarationConflictException(
                creditCode, $"The declaration was already {declaration.Status.ToString().ToLowerInvariant()}.");
        }

        return (table, declaration);
    }

    private static TableEntity ToEntity(Declaration declaration)
    {
        var entity = RegistryEntities.FromEmployer("declaration", declaration.Employer);
        entity[StatusProperty] = declaration.Status.ToString();
        entity[nameof(Declaration.SubmittedAt)] = declaration.SubmittedAt;
        AddIfPresent(entity, nameof(Declaration.DecidedBy), declaration.DecidedBy);
        AddIfPresent(entity, nameof(Declaration.DecidedAt), declaration.DecidedAt);
        AddIfPresent(entity, nameof(Declaration.Reason), declaration.Reason);
        return entity;
    }

    private static void AddIfPresent(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static Declaration FromEntity(TableEntity entity) => new(
        RegistryEntities.ToEmployer(entity),
        StoredValues.ToEnum<DeclarationStatus>(entity, StatusProperty),
        StoredValues.RequireDateTimeOffset(entity, nameof(Declaration.SubmittedAt)),
        entity.GetString(nameof(Declaration.DecidedBy)),
        entity.GetDateTimeOffset(nameof(Declaration.DecidedAt)),
        entity.GetString(nameof(Declaration.Reason)));
}
