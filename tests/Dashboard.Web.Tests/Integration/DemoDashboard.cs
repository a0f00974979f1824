using Dashboard.StandIn;
using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Integration;

/// <summary>
/// The dashboard's services in demo mode (the in-process stand-in, the real clients, a temp cache),
/// without the web server: what the `sync` verb runs.
/// </summary>
public sealed class DemoDashboard : IAsyncDisposable
{
    private readonly TempDataDirectory _data;

    public DashboardApp App { get; }
    public StandInServer StandIn => App.StandIn!;
    public IServiceProvider Services => App.Services;
    public string DataPath => _data.Path;

    public static async Task<DemoDashboard> StartAsync(
        int findings = 600, int accounts = 3, string[]? regions = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var data = new TempDataDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Dashboard:Demo"] = "true",
            ["Dashboard:SyncSchedule"] = "",
            ["StandIn:Findings"] = findings.ToString(),
            ["StandIn:Accounts"] = accounts.ToString(),
            // Fast retries keep fault tests short; the SDK still backs off between attempts.
            ["Aws:MaxErrorRetry"] = "3",
            ["Aws:FindingsRequestsPerSecond"] = "100",
            ["Aws:FindingsBurst"] = "100",
        };
        var regionList = regions ?? ["us-east-1", "eu-west-1"];
        for (var i = 0; i < regionList.Length; i++) settings[$"StandIn:Regions:{i}"] = regionList[i];
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        var app = await DashboardApp.BuildAsync(
            [], data.Path, forWeb: false,
            configure: builder => builder.Configuration.AddInMemoryCollection(settings));
        await Dashboard.Data.Database.DatabaseMigrator.MigrateAsync(app.Services);
        return new DemoDashboard(app, data);
    }

    private DemoDashboard(DashboardApp app, TempDataDirectory data)
    {
        App = app;
        _data = data;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Dispose();
    }
}
