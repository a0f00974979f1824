using Dashboard.Core.Sync;
using Dashboard.Web.Hosting;
using Dashboard.Web.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Browser.Tests.OidcProvider;

/// <summary>
/// The real dashboard on Kestrel at 127.0.0.1 (any free port) with demo AWS data, signing users in
/// against an external OpenID provider configured the way a Cognito User Pool is
/// (Cognito:Authority/ClientId/ClientSecret/Domain), so demo mode starts no user pool of its own.
/// </summary>
public sealed class CognitoDashboardServer : IAsyncDisposable
{
    private readonly string _dataPath;

    private CognitoDashboardServer(DashboardApp app, string dataPath, Uri baseUrl)
    {
        App = app;
        _dataPath = dataPath;
        BaseUrl = baseUrl;
    }

    public DashboardApp App { get; }
    /// <summary>e.g. http://127.0.0.1:41235/ (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    public static async Task<CognitoDashboardServer> StartAsync(string issuer, string clientId, string clientSecret, CancellationToken ct)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "dashboard-browser-tests", Guid.NewGuid().ToString("N"));
        var app = await DashboardApp.BuildAsync(
            ["--urls", "http://127.0.0.1:0"], dataPath, forWeb: true,
            configure: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dashboard:Demo"] = "true",
                ["Dashboard:SyncSchedule"] = "",
                ["StandIn:Findings"] = "200",
                ["StandIn:Accounts"] = "3",
                ["Aws:FindingsRequestsPerSecond"] = "100",
                ["Aws:FindingsBurst"] = "100",
                ["Cognito:Authority"] = issuer,
                ["Cognito:Domain"] = issuer,
                ["Cognito:ClientId"] = clientId,
                ["Cognito:ClientSecret"] = clientSecret,
                // Plain http is fine for a provider on loopback only.
                ["Cognito:RequireHttpsMetadata"] = "false",
            }),
            ct: ct);
        try
        {
            await Dashboard.Data.Database.DatabaseMigrator.MigrateAsync(app.Services);
            await app.Demo!.EnsureStartedAsync(ct);
            // Sync before the app starts, so the overview has findings when the browser lands on it.
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
        return new CognitoDashboardServer(app, dataPath, new Uri(address.TrimEnd('/') + "/"));
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
