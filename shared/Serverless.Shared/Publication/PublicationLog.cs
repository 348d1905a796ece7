using Microsoft.Extensions.Logging;

namespace Serverless.Shared.Publication;

/// <summary>Log messages of the publication chain, event ids 7000-7099.</summary>
internal static partial class PublicationLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Appended entry {Seq} to the chain of office {OfficeCode}")]
    public static partial void EntryAppended(ILogger logger, string officeCode, int seq);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Debug,
        Message = "Chain head of office {OfficeCode} moved during an append (attempt {Attempt}); retrying")]
    public static partial void HeadConflict(ILogger logger, string officeCode, int attempt);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "Chain of office {OfficeCode} breaks at entry {Seq}: {Reason}")]
    public static partial void ChainBroken(ILogger logger, string officeCode, int seq, string reason);
}
