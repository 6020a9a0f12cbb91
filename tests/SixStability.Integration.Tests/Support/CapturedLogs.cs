using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SixStability.Integration.Tests.Support;

/// <summary>Every log line the product writes, at every level, to check what reaches the logs (and so Application Insights).</summary>
/// <param name="lines">Where the lines go: the test keeps the queue, the service provider owns (and disposes) this.</param>
internal sealed class CapturedLogs(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ConcurrentQueue<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            sink.Lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
