using Cronos;
using Serverless.Shared.Domain;

namespace Serverless.Workflows.Scheduling;

/// <summary>A plan's draw schedule: a five-field cron expression evaluated in China Standard Time.</summary>
public sealed class PlanSchedule
{
    private readonly CronExpression expression;

    public PlanSchedule(string cron)
    {
        try
        {
            expression = CronExpression.Parse(cron, CronFormat.Standard);
        }
        catch (CronFormatException exception)
        {
            throw new ValidationException("schedule", cron, $"is not a five-field cron expression ({exception.Message})");
        }
    }

    /// <summary>Returns the slots after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>.</summary>
    public IEnumerable<DateTimeOffset> SlotsBetween(DateTimeOffset fromExclusive, DateTimeOffset toInclusive) =>
        expression
            .GetOccurrences(fromExclusive.UtcDateTime, toInclusive.UtcDateTime, ChinaTime.Zone, fromInclusive: false, toInclusive: true)
            .Select(utc => new DateTimeOffset(utc, TimeSpan.Zero));

    /// <summary>Returns the first slot after an instant, or null when the expression never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var next = expression.GetNextOccurrence(instant.UtcDateTime, ChinaTime.Zone, inclusive: false);
        return next is null ? null : new DateTimeOffset(next.Value, TimeSpan.Zero);
    }

    /// <summary>Returns the latest slot at or before an instant, searching back at most <paramref name="window"/>.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset instant, TimeSpan window) =>
        SlotsBetween(instant - window, instant).Select(s => (DateTimeOffset?)s).LastOrDefault();
}
