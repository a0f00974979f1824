using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// The whole web app through Program's real entry point (the command line's serve verb), in demo mode
/// with its in-process stand-in and a temp cache.
/// </summary>
public sealed class DashboardWebFactory : WebApplicationFactory<Program>
{
    private readonly TempDataDirectory _data = new();

    public string DataPath => _data.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Dashboard:DataDirectory", _data.Path);
        builder.UseSetting("Dashboard:Demo", "true");
        builder.UseSetting("Dashboard:SyncSchedule", "");
        builder.UseSetting("StandIn:Findings", "300");
        builder.UseSetting("StandIn:Accounts", "2");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _data.Dispose();
    }
}
