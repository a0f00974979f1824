using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Security.Tokens;

/// <summary>One log entry as a real logger would write it: the formatted message and the exception's text.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception)
{
    public string FullText => Exception is null ? Message : Message + Environment.NewLine + Exception;
}

/// <summary>
/// Keeps every log entry of a test host at every level, Trace included, so a test can check both that a
/// refusal names its reason and that no token text is ever written, whatever level production logs at.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IEnumerable<CapturedLog> From<TCategory>() =>
        Entries.Where(e => e.Category == typeof(TCategory).FullName);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception?.ToString()));
    }
}
