namespace Serverless.Shared.Storage;

/// <summary>Settings of a <see cref="StorageContext"/>.</summary>
public sealed record StorageOptions
{
    /// <summary>Maximum length of <see cref="TablePrefix"/>, so the longest table name stays within 63.</summary>
    public const int MaxTablePrefixLength = 40;

    /// <summary>
    /// Prefix put before every table name and the blob container name, so that several test runs or
    /// environments can share one storage account. Lowercase letters and digits, starting with a letter;
    /// empty for none.
    /// </summary>
    public string TablePrefix { get; init; } = "";

    /// <summary>
    /// Maximum number of entities per page of a table query, from 1 to 1000, or null for the service default
    /// of 1000. Every query reads all pages whatever the size.
    /// </summary>
    public int? MaxPerPage { get; init; }
}
