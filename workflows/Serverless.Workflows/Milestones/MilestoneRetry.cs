using Microsoft.DurableTask;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;

namespace Serverless.Workflows.Milestones;

/// <summary>Retry policy of the milestone activities, which repeat no effect when retried.</summary>
internal static class MilestoneRetry
{
    /// <summary>
    /// Five attempts over about 30 seconds; invalid input and a rejected notice fail at once, because a retry
    /// cannot change them.
    /// </summary>
    public static TaskOptions Standard { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2)
        {
            HandleFailure = failure =>
                !failure.IsCausedBy<ValidationException>() && !failure.IsCausedBy<NoticeRejectedException>(),
        });
}
