using System.Security.Claims;
using Dashboard.Aws;
using Dashboard.Aws.Organizations;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Dashboard.Web.Hosting;
using Dashboard.Web.Security;
using Dashboard.Web.Settings;
using Dashboard.Web.Sync;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Admin;

/// <summary>
/// The settings services with their real dependencies: the real policies, the store on a migrated temp
/// SQLite file, the change notifier, options as a test sets them. Captures the log. Deletes its database on dispose.
/// </summary>
internal sealed class SettingsTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 7, 0, TimeSpan.Zero);

    private readonly TempDashboardServices _host;

    private SettingsTestHost(TempDashboardServices host) => _host = host;

    public WorkflowLog Log => _host.Log;
    public IServiceProvider Services => _host.Provider;
    public AdminSettingsService Service => Services.GetRequiredService<AdminSettingsService>();
    public SettingsStore Store => Services.GetRequiredService<SettingsStore>();
    public SyncTargetSource Targets => Services.GetRequiredService<SyncTargetSource>();
    public SyncSchedulePlanner Planner => Services.GetRequiredService<SyncSchedulePlanner>();
    public SettingsChangeNotifier Changes => Services.GetRequiredService<SettingsChangeNotifier>();

    public static async Task<SettingsTestHost> CreateAsync(
        Action<AwsOptions>? aws = null,
        Action<OrganizationsOptions>? organizations = null,
        DashboardOptions? dashboard = null)
        => new(await TempDashboardServices.CreateAsync("settings", Now, services =>
        {
            services.AddSingleton<ActionAuthorizer>();
            services.AddSingleton(Microsoft.Extensions.Options.Options.Create(dashboard ?? new DashboardOptions()));
            services.Configure<AwsOptions>(o => aws?.Invoke(o));
            services.Configure<OrganizationsOptions>(o => organizations?.Invoke(o));
            services.AddDashboardAdmin();
        }));

    public static ClaimsPrincipal User(string name, string role) => TestAuthenticationStateProvider.SignedIn(name, role);

    public Task SaveOrganizationAsync(Dashboard.Core.Organizations.OrganizationSnapshot snapshot)
        => Services.GetRequiredService<OrganizationStore>().SaveAsync(snapshot, Now.AddHours(-1), "import", null, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
