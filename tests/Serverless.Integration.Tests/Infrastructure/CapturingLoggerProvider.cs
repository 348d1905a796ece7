using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Integration.Tests.Infrastructure;

/// <summary>
/// A logger provider that keeps every log line it is given, as "Level Category: message", so a test can assert
/// what a host in this process logged. The host's own filters still decide which lines reach it.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Lines logged so far, with the exception's type and message appended when there is one.</summary>
    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

    public void Dispose()
    {
        // The lines stay readable after the host disposed its logger factory.
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            var line = $"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}";
            lines.Enqueue(exception is null ? line : $"{line} ({exception.GetType().Name}: {exception.Message})");
        }
    }
}
