using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Data;
using Dashboard.Data.Database;
using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Dashboard.Web.Findings;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Hosting;
using Dashboard.Web.Sync;
using Dashboard.Web.Security;
using Dashboard.Web.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>
/// The shared bUnit setup: loose JS interop, MudBlazor services without transitions, a popover provider,
/// and the real cache (EF Core on a temp SQLite file, migrated) behind the pages, seeded per test.
/// </summary>
public abstract class DashboardComponentTest : BunitContext, IAsyncLifetime
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"dashboard-ui-test-{Guid.NewGuid():N}.db");

    protected DashboardComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Before AddDashboardData, whose TryAdd would otherwise register the system clock.
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddDashboardData(_databasePath);
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Options));
        Services.AddSingleton<SyncProgressNotifier>();
        Services.AddSingleton<ISyncTrigger>(SyncTrigger);
        Services.AddTransient<FindingExporter>();
        // The real policies over a test user (Admin unless a test signs in as someone else).
        Services.AddAuthorizationBuilder().AddDashboardPolicies();
        // bUnit pre-registers a placeholder IAuthorizationService that throws; TryAdd above leaves it, so replace it.
        Services.AddTransient<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        Services.AddCascadingAuthenticationState();
        Services.AddSingleton<AuthenticationStateProvider>(Auth);
        Services.AddSingleton<ActionAuthorizer>();
        // Finding workflow updates, with Security Hub played by a fake gateway.
        Services.AddSingleton<IWorkflowUpdateGateway>(WorkflowGateway);
        Services.AddFindingWorkflow();
        // The Admin page: its settings service, loader and the sync's account scope over the same cache.
        // Options read when first resolved, so a test sets AwsSettings etc. before rendering.
        Services.Configure<Dashboard.Aws.AwsOptions>(o => AwsSettings?.Invoke(o));
        Services.Configure<Dashboard.Aws.Organizations.OrganizationsOptions>(o => OrganizationSettings?.Invoke(o));
        Services.Configure<CognitoOptions>(o => CognitoSettings?.Invoke(o));
        Services.AddDashboardAdmin();
        // Last: it builds the service provider. The app runs every page in interactive server mode (App.razor).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected FixedTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero));
    protected DashboardOptions Options { get; } = new();
    protected FakeSyncTrigger SyncTrigger { get; } = new();
    protected Dashboard.Web.Tests.Workflow.FakeWorkflowGateway WorkflowGateway { get; } = new();
    /// <summary>Who is signed in: <c>Auth.SignInAs("demo-viewer", DashboardRoles.Viewer)</c>.</summary>
    protected TestAuthenticationStateProvider Auth { get; } = new();

    /// <summary>Applied to the options when first resolved: set before rendering.</summary>
    protected Action<Dashboard.Aws.AwsOptions>? AwsSettings { get; set; }
    protected Action<Dashboard.Aws.Organizations.OrganizationsOptions>? OrganizationSettings { get; set; }
    protected Action<CognitoOptions>? CognitoSettings { get; set; }

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    public async ValueTask InitializeAsync()
    {
        await DatabaseMigrator.MigrateAsync(Services, Xunit.TestContext.Current.CancellationToken);
    }

    protected async Task SeedAsync(params FindingRecord[] findings)
        => await Services.GetRequiredService<FindingStore>().UpsertAsync(findings, Xunit.TestContext.Current.CancellationToken);

    protected SyncRunStore SyncRuns => Services.GetRequiredService<SyncRunStore>();

    /// <summary>Renders a page at a URL (query included), with the popover provider MudBlazor menus need.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url) where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        Navigation.NavigateTo(url);
        return Render<TPage>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        // Pooled SQLite connections keep the file open; release them before deleting it.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(_databasePath + suffix); } catch (IOException) { }
        }
    }
}
