using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LeadRouting.Engine.Hosting.Tests.Support;

/// <summary>Keeps every log entry of the router's category, for assertions.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IReadOnlyList<LogEntry> Of(int eventId) => [.. _entries.Where(e => e.EventId == eventId)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (category == "LeadRouting.Engine.Hosting")
            {
                entries.Enqueue(new LogEntry(logLevel, eventId.Id, formatter(state, exception)));
            }
        }
    }
}
