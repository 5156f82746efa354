using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AuditSentinel.Functions.Tests;

/// <summary>A logger provider that keeps every entry with its named properties and scope values, as a structured sink (Application Insights) sees them.</summary>
internal sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, int EventId, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Scope);

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(StringComparer.Ordinal) : [];
            var scope = new Dictionary<string, object?>(StringComparer.Ordinal);
            owner._scopes.ForEachScope(
                static (value, into) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object>> scopePairs)
                    {
                        foreach (var (key, item) in scopePairs)
                        {
                            into[key] = item;
                        }
                    }
                },
                scope);
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId.Id, properties, scope));
        }
    }
}
