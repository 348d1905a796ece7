using Microsoft.Extensions.Logging;

namespace Serverless.Http.Milestones;

/// <summary>
/// Log messages of the milestone handlers, event ids 1360-1379. They carry the method, status and title, never
/// file names, bodies or caller details.
/// </summary>
internal static partial class MilestoneHttpLog
{
    [LoggerMessage(1360, LogLevel.Information, "Milestone request {Method} rejected with status {Status}: {Title}")]
    public static partial void Rejected(ILogger logger, string method, int status, string title);
}
