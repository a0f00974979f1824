using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.UserPool;

/// <summary>
/// The host app's logger factory with OpenIddict held to warnings: below that OpenIddict logs whole
/// tokens (trace) and unredacted code_verifier values (information), and the host's logs must never
/// carry either. The caller owns the inner factory, so disposing this does nothing.
/// </summary>
internal sealed class UserPoolLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName)
    {
        var logger = inner.CreateLogger(categoryName);
        return categoryName.StartsWith("OpenIddict", StringComparison.Ordinal) ? new WarningsOnly(logger) : logger;
    }

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
    }

    private sealed class WarningsOnly(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}

/// <summary>
/// Data-protection keys kept in memory: ASP.NET authentication registers data protection, which would
/// otherwise read and write the user's key folder, though the stand-in protects nothing with it.
/// </summary>
internal sealed class InMemoryXmlRepository : IXmlRepository
{
    private readonly List<XElement> elements = [];
    private readonly Lock gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate)
        {
            return [.. elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate)
        {
            elements.Add(new XElement(element));
        }
    }
}
