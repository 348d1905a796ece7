using Azure.Data.Tables;
using Serverless.Shared.Storage;

namespace Serverless.Shared.Registry;

/// <summary>
/// Tables of registry management beside the registry itself, created on first use with the context's prefix.
/// </summary>
public sealed class RegistryTables
{
    /// <summary>
    /// Change history entries that registry rows no longer carry, partitioned by <c>{kind}|{officeCode}</c>, row
    /// key <c>{key}|{inverted ticks}-{change id}</c>, so one row's entries are one range, newest first. Each row
    /// carries its latest entry itself (<see cref="TableHistoryStore"/>).
    /// </summary>
    /// <remarks>
    /// Not plain "history": table names are case-insensitive, and the durable task hub keeps its own table
    /// <c>{hub}History</c>, so a storage prefix equal to the hub name would have made both one table.
    /// </remarks>
    public const string History = "changehistory";

    /// <summary>Self-declarations, partitioned by office code, one row per credit code.</summary>
    public const string Declarations = "declarations";

    /// <summary>Seriously dishonest employers (失信), all in one partition, one row per credit code.</summary>
    public const string Dishonest = "dishonest";

    /// <summary>Inspection results, partitioned by office code, row key <c>{drawId}|{creditCode}</c>.</summary>
    public const string InspectionResults = "inspectionresults";

    private static readonly string[] Names = [History, Declarations, Dishonest, InspectionResults];

    private readonly Lock sync = new();
    private Task? creation;

    /// <summary>Creates the tables of <paramref name="storage"/>; nothing is sent until first use.</summary>
    public RegistryTables(StorageContext storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Storage = storage;
    }

    /// <summary>Storage account of the registry.</summary>
    public StorageContext Storage { get; }

    /// <summary>Returns a table after creating the registry's tables and this class's tables unless they exist.</summary>
    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        await Storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        Task task;
        lock (sync)
        {
            if (creation is null || creation.IsFaulted || creation.IsCanceled)
            {
                creation = Task.WhenAll(Names.Select(
                    table => Storage.TableService.CreateTableIfNotExistsAsync(Storage.GetTableName(table))));
            }

            task = creation;
        }

        await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Storage.GetTableClient(name);
    }
}
