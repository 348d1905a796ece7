namespace Serverless.Host.Observability;

/// <summary>
/// A logger provider that writes nothing and passes each log event to <see cref="InspectionMetrics"/>, so the
/// counters follow the workflows' own <c>[LoggerMessage]</c> events without code in the workflows.
/// </summary>
internal sealed class MetricsLoggerProvider(InspectionMetrics metrics) : ILoggerProvider
{
    private readonly MetricsLogger logger = new(metrics);

    public ILogger CreateLogger(string categoryName) => logger;

    public void Dispose()
    {
    }

    private sealed class MetricsLogger(InspectionMetrics metrics) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                metrics.Record(eventId.Id, state as IReadOnlyList<KeyValuePair<string, object?>>);
            }
        }
    }
}
