using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InferenceGrpc.FuzzTests.Infrastructure;

/// <summary>
/// Keeps every Error or Critical entry the host logs. The pipeline logs an exception that became
/// INTERNAL or UNKNOWN at Error, and Kestrel logs an exception that escaped the application there
/// too, so a new entry after an input is a crash even when the reply hides it (a TensorZero
/// stream's last line carries only a message).
/// </summary>
public sealed class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public int Count => _entries.Count;

    /// <summary>The entries logged after the first <paramref name="skip"/>.</summary>
    public IReadOnlyList<string> Since(int skip) => [.. _entries.Skip(skip)];

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CategoryLogger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"{logLevel} {category}[{eventId.Name}]: {formatter(state, exception)} {exception}");
            }
        }
    }
}
