using Dashboard.Core.Sync;
using Dashboard.Web.Hosting;
using Dashboard.Web.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The real dashboard in demo mode on a Kestrel socket at 127.0.0.1 (any free port), with a temp cache
/// that was synced once from the in-process stand-in before the browser opens it. It signs users in
/// through the stand-in User Pool, or through another provider given by <c>Cognito:*</c> settings.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly string _dataPath;

    private DashboardServer(DashboardApp app, string dataPath, Uri baseUrl)
    {
        App = app;
        _dataPath = dataPath;
        BaseUrl = baseUrl;
    }

    public DashboardApp App { get; }
    /// <summary>e.g. http://127.0.0.1:41235/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    public static async Task<DashboardServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "dashboard-browser-tests", Guid.NewGuid().ToString("N"));
        var configuration = new Dictionary<string, string?>
        {
            ["Dashboard:Demo"] = "true",
            ["Dashboard:SyncSchedule"] = "",
            ["StandIn:Findings"] = "400",
            ["StandIn:Accounts"] = "4",
            ["Aws:FindingsRequestsPerSecond"] = "100",
            ["Aws:FindingsBurst"] = "100",
            // An open tab notices a session ended elsewhere within a second.
            ["Cognito:RevalidationInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;
        var app = await DashboardApp.BuildAsync(
            ["--urls", "http://127.0.0.1:0"], dataPath, forWeb: true,
            configure: builder => builder.Configuration.AddInMemoryCollection(configuration), ct: ct);
        try
        {
            await Dashboard.Data.Database.DatabaseMigrator.MigrateAsync(app.Services, ct);
            await app.Demo!.EnsureStartedAsync(ct);
            // Sync before the app starts, so the start-up sync finds data and the pages have findings.
            var run = await app.Services.GetRequiredService<DashboardSync>().RunAsync("test", ct);
            if (run?.Status != SyncRunStatus.Succeeded) throw new InvalidOperationException($"The demo sync did not succeed: {run?.Status} {run?.Error}");
            await app.App.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            DeleteData(dataPath);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, dataPath, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await App.App.StopAsync(stop.Token);
        await App.DisposeAsync();
        DeleteData(_dataPath);
    }

    private static void DeleteData(string dataPath)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
    }
}
