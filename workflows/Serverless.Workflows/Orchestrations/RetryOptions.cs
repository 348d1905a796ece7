using Microsoft.DurableTask;
using Serverless.Shared.Domain;
using Serverless.Shared.Notifications;

namespace Serverless.Workflows.Orchestrations;

/// <summary>Retry policies of the activities. Every activity is idempotent, so a retry repeats no effect.</summary>
internal static class RetryOptions
{
    /// <summary>
    /// Five attempts over about 30 seconds, enough to ride out a storage or SMTP restart. Invalid input and a
    /// notice the SMTP server rejected for good fail at once, because a retry cannot change the outcome.
    /// </summary>
    public static TaskOptions Standard { get; } = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2)
        {
            HandleFailure = failure =>
                !failure.IsCausedBy<ValidationException>() && !failure.IsCausedBy<NoticeRejectedException>(),
        });
}
