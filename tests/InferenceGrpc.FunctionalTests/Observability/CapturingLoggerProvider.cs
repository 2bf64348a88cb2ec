using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InferenceGrpc.FunctionalTests.Observability;

/// <summary>Keeps every log entry with its structured state and scopes, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(string Category, IReadOnlyDictionary<string, object?> State, IReadOnlyDictionary<string, object?> Scopes)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>();
            provider._scopes.ForEachScope((scope, all) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        all[key] = value;
                    }
                }
            }, scopes);
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            provider.Entries.Enqueue((category, values.ToDictionary(p => p.Key, p => p.Value), scopes));
        }
    }
}
