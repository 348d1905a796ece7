using Microsoft.Extensions.Logging;

namespace Serverless.Shared.Storage;

/// <summary>Log messages of the storage stores; event ids 3300 to 3399.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(
        EventId = 3301,
        Level = LogLevel.Information,
        Message = "Created tables with prefix '{TablePrefix}' and blob container {Container}")]
    public static partial void StorageCreated(ILogger logger, string tablePrefix, string container);

    [LoggerMessage(
        EventId = 3302,
        Level = LogLevel.Warning,
        Message = "Previous teams of office {OfficeCode} changed while being updated; retrying (attempt {Attempt})")]
    public static partial void PreviousTeamsConflict(ILogger logger, string officeCode, int attempt);
}
