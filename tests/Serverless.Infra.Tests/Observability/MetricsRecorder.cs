using System.Diagnostics.Metrics;

namespace Serverless.Infra.Tests.Observability;

/// <summary>Collects the measurements of the meters that one <see cref="IMeterFactory"/> created.</summary>
internal sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly List<(string Instrument, long Value, string? Source)> measurements = [];

    public MetricsRecorder(IMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? source = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "source")
                {
                    source = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, source));
            }
        });
        listener.Start();
    }

    /// <summary>Sum of the measurements of an instrument.</summary>
    public long Total(string instrument)
    {
        lock (measurements)
        {
            return measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        }
    }

    /// <summary>The source tags of an instrument's measurements, in order.</summary>
    public IReadOnlyList<string?> Sources(string instrument)
    {
        lock (measurements)
        {
            return measurements.Where(m => m.Instrument == instrument).Select(m => m.Source).ToList();
        }
    }

    public void Dispose() => listener.Dispose();
}
