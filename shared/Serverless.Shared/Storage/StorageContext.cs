using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Serverless.Shared.Storage;

/// <summary>
/// Table and blob clients for one storage account, and the stores built on them. The tables and the blob
/// container are created on first use.
/// </summary>
public sealed class StorageContext
{
    /// <summary>
    /// Blob service version sent with every request. Azure.Storage.Blobs 12.30.1 defaults to 2026-10-06, which
    /// Azurite 3.37.0 rejects; 2026-06-06 is the newest version that Azurite accepts.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    private readonly Lock sync = new();
    private readonly ILogger logger;
    private Task? creation;

    /// <summary>Creates the clients for a connection string; nothing is sent until the first request.</summary>
    /// <exception cref="ArgumentException">The connection string or an option is invalid.</exception>
    public StorageContext(
        string connectionString, StorageOptions? options = null, ILogger<StorageContext>? logger = null)
        : this(
            new TableServiceClient(RequireText(connectionString)),
            new BlobServiceClient(connectionString, new BlobClientOptions(BlobServiceVersion)),
            options,
            logger)
    {
    }

    /// <summary>
    /// Creates the clients for an account reached with an Entra ID credential, such as a managed identity, in
    /// place of a connection string with an account key. Nothing is sent until the first request.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public StorageContext(
        Uri tableEndpoint,
        Uri blobEndpoint,
        TokenCredential credential,
        StorageOptions? options = null,
        ILogger<StorageContext>? logger = null)
        : this(
            new TableServiceClient(
                tableEndpoint ?? throw new ArgumentNullException(nameof(tableEndpoint)),
                credential ?? throw new ArgumentNullException(nameof(credential))),
            new BlobServiceClient(
                blobEndpoint ?? throw new ArgumentNullException(nameof(blobEndpoint)),
                credential,
                new BlobClientOptions(BlobServiceVersion)),
            options,
            logger)
    {
    }

    private StorageContext(
        TableServiceClient tableService,
        BlobServiceClient blobService,
        StorageOptions? options,
        ILogger<StorageContext>? logger)
    {
        Options = options ?? new StorageOptions();
        ValidateOptions(Options);
        this.logger = logger ?? NullLogger<StorageContext>.Instance;

        TableService = tableService;
        BlobService = blobService;
        RecordsContainer = BlobService.GetBlobContainerClient(Options.TablePrefix + StorageNames.Records);

        Registry = new TableRegistryStore(this);
        Records = new BlobRecordStore(this);
        Assignments = new TableAssignmentStore(this);
        Outbox = new TableOutboxStore(this);
        Commitments = new TableCommitmentStore(this);
    }

    /// <summary>Settings this context was created with.</summary>
    public StorageOptions Options { get; }

    /// <summary>Client of the Table service.</summary>
    public TableServiceClient TableService { get; }

    /// <summary>Client of the Blob service.</summary>
    public BlobServiceClient BlobService { get; }

    /// <summary>Client of the blob container of records.</summary>
    public BlobContainerClient RecordsContainer { get; }

    /// <summary>Offices, officers, employers, items and plans.</summary>
    public IRegistryStore Registry { get; }

    /// <summary>Draw records, pool files and seeds.</summary>
    public IRecordStore Records { get; }

    /// <summary>Assignments and previous teams.</summary>
    public IAssignmentStore Assignments { get; }

    /// <summary>Notice outbox.</summary>
    public IOutboxStore Outbox { get; }

    /// <summary>Seed commitments.</summary>
    public ICommitmentStore Commitments { get; }

    /// <summary>Logger of the stores.</summary>
    internal ILogger Logger => logger;

    /// <summary>Returns the full name of a table, with the prefix.</summary>
    public string GetTableName(string table) => Options.TablePrefix + table;

    /// <summary>Returns the client of a table named in <see cref="StorageNames"/>.</summary>
    public TableClient GetTableClient(string table) => TableService.GetTableClient(GetTableName(table));

    /// <summary>
    /// Creates every table and the blob container unless they exist. The first call does the work and later
    /// calls wait for it; after a failure the next call tries again.
    /// </summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        Task task;
        lock (sync)
        {
            if (creation is null || creation.IsFaulted || creation.IsCanceled)
            {
                // Not tied to one caller's token, because every caller waits for the same creation.
                creation = CreateAllAsync();
            }

            task = creation;
        }

        return task.IsCompletedSuccessfully ? task : task.WaitAsync(cancellationToken);
    }

    private async Task CreateAllAsync()
    {
        var tables = StorageNames.Tables.Select(name => TableService.CreateTableIfNotExistsAsync(GetTableName(name)));
        await Task.WhenAll(tables).ConfigureAwait(false);
        await RecordsContainer.CreateIfNotExistsAsync().ConfigureAwait(false);
        StorageLog.StorageCreated(logger, Options.TablePrefix, RecordsContainer.Name);
    }

    private static void ValidateOptions(StorageOptions options)
    {
        var prefix = options.TablePrefix ?? throw new ArgumentException("The table prefix is null.", nameof(options));
        if (prefix.Length > StorageOptions.MaxTablePrefixLength)
        {
            throw new ArgumentException(
                $"Table prefix '{prefix}' has {prefix.Length} characters, " +
                $"more than {StorageOptions.MaxTablePrefixLength}.",
                nameof(options));
        }

        if (prefix.Length > 0 && (!char.IsAsciiLetterLower(prefix[0]) || !prefix.All(IsLowerLetterOrDigit)))
        {
            throw new ArgumentException(
                $"Table prefix '{prefix}' is invalid; use lowercase ASCII letters and digits, starting with a letter.",
                nameof(options));
        }

        if (options.MaxPerPage is < 1 or > 1000)
        {
            throw new ArgumentException(
                $"MaxPerPage {options.MaxPerPage} is outside 1 to 1000, the page sizes Table storage serves.",
                nameof(options));
        }
    }

    private static string RequireText(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return connectionString;
    }

    private static bool IsLowerLetterOrDigit(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
