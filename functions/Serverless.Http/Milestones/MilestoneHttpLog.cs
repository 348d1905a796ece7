using Microsoft.Extensions.Logging;

namespace Serverless.Http.Milestones;

/// <summary>
/// Log messages of the milestone handlers, event ids 3380-3389. They carry the method, status and title, never
/// file names, bodies or caller details.
/// </summary>
internal static partial class MilestoneHttpLog
{
    [LoggerMessage(3380, LogLevel.Information, "Milestone request {Method} rejected with status {Status}: {Title}")]
    public static partial void Rejected(ILogger logger, string method, int status, string title);
}
