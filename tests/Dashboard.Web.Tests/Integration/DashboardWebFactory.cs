using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// The whole web app through Program's real entry point (the command line's serve verb), in demo mode
/// with its in-process stand-in and a temp cache.
/// </summary>
public sealed class DashboardWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDataDirectory _data = new();
    private bool _traceLogging;

    /// <summary>A factory whose app logs at every level, Trace included, into <see cref="Logs"/>.</summary>
    public static DashboardWebFactory WithTraceLogging() => new() { _traceLogging = true };

    /// <summary>Every log entry the app writes (every level when built with traceLogging).</summary>
    public Dashboard.Web.Tests.Security.Tokens.CapturingLoggerProvider Logs { get; } = new();

    public string DataPath => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dashboard:DataDirectory", _data.Path);
        builder.UseSetting("Dashboard:Demo", "true");
        builder.UseSetting("Dashboard:SyncSchedule", "");
        builder.UseSetting("StandIn:Findings", "300");
        builder.UseSetting("StandIn:Accounts", "2");
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            // A provider-specific rule outranks appsettings.json's per-category levels.
            if (_traceLogging) logging.AddFilter<Dashboard.Web.Tests.Security.Tokens.CapturingLoggerProvider>(null, LogLevel.Trace);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }
}
