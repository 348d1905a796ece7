using Microsoft.Extensions.Logging;

namespace Serverless.Shared.Registry;

/// <summary>Log messages of registry management; event ids 6100 to 6199. Never carries row values.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Importing {Kind} for office {OfficeCode}; the registry holds {StoredRows} rows")]
    public static partial void ImportStarted(ILogger logger, RegistryKind kind, string officeCode, long storedRows);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information,
        Message = "Imported {Kind} for office {OfficeCode}: {Rows} rows, {Created} created, {Updated} updated, " +
            "{Rejected} rejected")]
    public static partial void ImportCompleted(
        ILogger logger, RegistryKind kind, string officeCode, long rows, long created, long updated, long rejected);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning,
        Message = "{Rows} {Kind} rows changed while they were written (attempt {Attempt}); reading them again")]
    public static partial void WriteRetried(ILogger logger, RegistryKind kind, int rows, int attempt);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning,
        Message = "{Rows} {Kind} rows kept changing during {Attempts} attempts, so their changes are reported as " +
            "conflicts")]
    public static partial void WriteGaveUp(ILogger logger, RegistryKind kind, int rows, int attempts);
}
