using Dashboard.Aws;
using Dashboard.Aws.Iam;
using Dashboard.Aws.Organizations;
using Dashboard.Data;
using Dashboard.StandIn;
using Dashboard.Web.Findings;
using Dashboard.Web.Findings.Workflow;
using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Dashboard.Web.Security;
using Dashboard.Web.Settings;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Builds the application for every verb: the web server, or the services a command-line verb needs.
/// In demo mode the local AWS stand-in runs in-process and the real AWS clients are pointed at it,
/// so the demo exercises exactly the production sync path.
/// </summary>
public sealed class DashboardApp : IAsyncDisposable
{
    private DashboardApp(WebApplication app, DemoStandIn? demo, string dataDirectory)
    {
        App = app;
        Demo = demo;
        DataDirectoryPath = dataDirectory;
    }

    public WebApplication App { get; }
    /// <summary>The demo's stand-in, when in demo mode; started (it is a hosted service for the web app).</summary>
    public DemoStandIn? Demo { get; }
    public StandInServer? StandIn => Demo?.Server;
    public string DataDirectoryPath { get; }
    public IServiceProvider Services => App.Services;

    /// <param name="args">Remaining arguments for ASP.NET Core configuration (e.g. --urls).</param>
    /// <param name="dataDirectoryOption">The --data option, if given.</param>
    /// <param name="forWeb">True to serve pages; false for a command-line verb (no scheduler, no UI).</param>
    /// <param name="configure">Last-chance changes, used by tests.</param>
    public static async Task<DashboardApp> BuildAsync(
        string[] args,
        string? dataDirectoryOption,
        bool forWeb,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Static asset manifests are named after this assembly, also when a test process hosts it.
            ApplicationName = typeof(DashboardApp).Assembly.GetName().Name,
            // appsettings.json is copied next to the binary; the working directory may be anywhere.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Serve wwwroot/ and _content/ from the build output in every environment (dotnet run has no
        // launch profile here); a published app has no runtime manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        configure?.Invoke(builder);

        var configured = builder.Configuration.GetSection(DashboardOptions.SectionName).Get<DashboardOptions>() ?? new DashboardOptions();
        var dataDirectory = DataDirectory.Resolve(dataDirectoryOption, configured.DataDirectory);
        var demo = DemoMode.IsOn(builder.Configuration);

        var demoStandIn = demo ? DemoMode.Configure(builder.Configuration) : null;
        // First among hosted services: the stand-in is up before the start-up sync.
        if (demoStandIn is not null) builder.Services.AddHostedService(_ => demoStandIn);

        builder.Services.AddOptions<DashboardOptions>()
            .BindConfiguration(DashboardOptions.SectionName)
            .PostConfigure(o =>
            {
                o.DataDirectory = dataDirectory;
                o.Demo = demo;
            })
            .ValidateOnStart();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<DashboardOptions>, DashboardOptionsValidator>();
        builder.Services.AddDashboardData(DataDirectory.DatabasePath(dataDirectory));
        builder.Services.AddDashboardAws(builder.Configuration);
        builder.Services.AddDashboardAwsIam();
        builder.Services.AddDashboardAwsOrganizations();
        builder.Services.AddDashboardSync(withScheduler: forWeb);
        // Admin settings the sync honours (schedule, pause, excluded accounts): the `sync` verb too.
        builder.Services.AddDashboardSettings();
        builder.Services.TryAddSingleton<FindingExporter>();
        if (forWeb)
        {
            builder.Services.AddDashboardUi();
            builder.Services.AddDashboardAuthentication();
            builder.Services.AddFindingWorkflow();
            builder.Services.AddDashboardIamUi();
            builder.Services.AddDashboardOrganizationUi();
            builder.Services.AddDashboardAdmin();
            builder.Services.AddHealthChecks();
            builder.Services.AddHostedService<DatabaseMigrationService>();
            builder.Services.AddHostedService<StartupSync>();
        }

        var app = builder.Build();
        if (forWeb)
        {
            app.UseDashboardSecurity();
            app.MapHealthChecks("/healthz").AllowAnonymous();
            app.MapAccountEndpoints();
            app.MapDashboardUi();
        }
        // Command-line verbs never start the host, so they start the stand-in here.
        else if (demoStandIn is not null)
        {
            await demoStandIn.EnsureStartedAsync(ct);
        }
        return new DashboardApp(app, demoStandIn, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Demo is not null) await Demo.DisposeAsync();
    }
}
