using Microsoft.Extensions.Logging;

namespace Serverless.Workflows.Tests.Logging;

/// <summary>A logger factory whose loggers store every entry they write, with its event id.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly Lock gate = new();
    private readonly List<LogEntry> entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("A recording logger factory takes no providers.");

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    private sealed class RecordingLogger(RecordingLoggerFactory factory, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            factory.Add(new LogEntry(category, eventId.Id, logLevel, formatter(state, exception)));
        }
    }
}

/// <summary>One written log entry.</summary>
/// <param name="Category">Logger category.</param>
/// <param name="EventId">Event id of the message.</param>
/// <param name="Level">Log level.</param>
/// <param name="Message">Formatted message.</param>
internal sealed record LogEntry(string Category, int EventId, LogLevel Level, string Message);
