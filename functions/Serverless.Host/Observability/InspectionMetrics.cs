using System.Diagnostics.Metrics;

namespace Serverless.Host.Observability;

/// <summary>
/// Counters of draws, targets, notices and reminders, on the meter <see cref="MeterName"/>. They are
/// incremented from the log events listed in <see cref="MeteredEvents"/>.
/// </summary>
internal sealed class InspectionMetrics
{
    /// <summary>Name of the meter, for <c>AddMeter</c> and for metric listeners.</summary>
    public const string MeterName = "Serverless.Inspection";

    private readonly Dictionary<InspectionCounter, Counter<long>> counters;

    public InspectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        counters = new Dictionary<InspectionCounter, Counter<long>>
        {
            [InspectionCounter.DrawsStarted] = meter.CreateCounter<long>(
                "inspection.draws.started", "{draw}", "Draws whose orchestration started"),
            [InspectionCounter.TargetsDrawn] = meter.CreateCounter<long>(
                "inspection.targets.drawn", "{target}", "Inspection targets selected by office draws"),
            [InspectionCounter.NoticesSent] = meter.CreateCounter<long>(
                "inspection.notices.sent", "{notice}", "Draw notices accepted by the notice sender"),
            [InspectionCounter.NoticesFailed] = meter.CreateCounter<long>(
                "inspection.notices.failed", "{notice}", "Draw notices that failed after every retry"),
            [InspectionCounter.RemindersSent] = meter.CreateCounter<long>(
                "inspection.reminders.sent", "{notice}", "Milestone reminder and escalation notices sent"),
        };
    }

    /// <summary>
    /// Increments the counter of a metered log event by 1, or by the value of its
    /// <see cref="MeteredEvent.ValueParameter"/>. Other event ids are ignored.
    /// </summary>
    public void Record(int eventId, IReadOnlyList<KeyValuePair<string, object?>>? values)
    {
        if (!MeteredEvents.ById.TryGetValue(eventId, out var metered))
        {
            return;
        }

        var amount = metered.ValueParameter is null ? 1 : ReadCount(values, metered.ValueParameter);
        if (amount > 0)
        {
            counters[metered.Counter].Add(amount, new KeyValuePair<string, object?>("source", metered.Source));
        }
    }

    private static long ReadCount(IReadOnlyList<KeyValuePair<string, object?>>? values, string name)
    {
        if (values is null)
        {
            return 0;
        }

        foreach (var (key, value) in values)
        {
            if (key == name)
            {
                return value switch
                {
                    int count => count,
                    long count => count,
                    _ => 0,
                };
            }
        }

        return 0;
    }
}
