using Azure.Data.Tables;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Changes the status of one officer or employer with a history entry. Removal is such a change (an officer
/// retired, an employer deregistered) and never a delete, so past draws stay verifiable against their pools.
/// </summary>
public sealed class RegistryStatusService
{
    private readonly RegistryChangeWriter writer;
    private readonly TimeProvider time;

    /// <summary>Creates the service on the registry of <paramref name="tables"/>.</summary>
    public RegistryStatusService(RegistryTables tables, TableHistoryStore history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        writer = new RegistryChangeWriter(tables, history);
        this.time = time;
    }

    /// <summary>
    /// Sets the status of a stored row and returns true, or false when the row already has that status and
    /// nothing was written. The row is replaced only while its ETag is the one read.
    /// </summary>
    /// <exception cref="ValidationException">
    /// The status is not one of the kind's statuses, the reason is missing or too long, or the row does not exist.
    /// </exception>
    /// <exception cref="RegistryConflictException">
    /// Another writer changed the status between the read and the write; a change of other fields is kept and
    /// the status change is applied on top of it.
    /// </exception>
    public async Task<bool> SetStatusAsync(
        RegistryKind kind, string officeCode, string key, string status, string actor, string reason,
        CancellationToken cancellationToken = default)
    {
        StoreValidation.RequireOfficeCode("office", officeCode);
        StoreValidation.RequireText("key", key);
        StoreValidation.RequireText("actor", actor);
        StoreValidation.RequireText("reason", reason);
        if (reason.Length > FieldLimits.Address)
        {
            throw new ValidationException(
                "reason", CellReader.Shorten(reason), $"is longer than {FieldLimits.Address} characters");
        }

        var (tableName, statusName) = kind switch
        {
            RegistryKind.Officers => (StorageNames.Officers, ParseStatus<OfficerStatus>(status)),
            RegistryKind.Employers => (StorageNames.Employers, ParseStatus<EmployerStatus>(status)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "is not a defined RegistryKind"),
        };
        var stored = await writer.ReadAsync(tableName, officeCode, key, cancellationToken).ConfigureAwait(false)
            ?? throw new ValidationException("key", key, $"is not registered under office {officeCode}");

        // Officers and employers both keep their status in a property named Status.
        var updated = new TableEntity(stored) { [nameof(Employer.Status)] = statusName };
        var result = await writer.WriteAsync(
            kind, tableName, [new RegistryChange(updated, stored)], actor, reason.Trim(), time.GetUtcNow(),
            cancellationToken).ConfigureAwait(false);
        if (result.Conflicts.Count > 0)
        {
            throw new RegistryConflictException(result.Conflicts[0]);
        }

        return result.Written > 0;
    }

    private static string ParseStatus<TStatus>(string status)
        where TStatus : struct, Enum
    {
        // Enum.TryParse also accepts numbers such as "1", which are not status names.
        var name = Enum.GetNames<TStatus>().FirstOrDefault(name => string.Equals(name, status, StringComparison.Ordinal));
        return name ?? throw new ValidationException(
            "status", status, $"is not one of {string.Join(", ", Enum.GetNames<TStatus>())}");
    }
}
