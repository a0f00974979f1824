using Bunit;
using Dashboard.Aws;
using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Organizations;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Iam;

/// <summary>
/// bUnit set up for the IAM and Organizations pages: loose JS interop, MudBlazor without transitions, the
/// pages' own registrations (AddDashboardIamUi / AddDashboardOrganizationUi) over in-memory caches, so the
/// pages render real snapshots without a database.
/// </summary>
public abstract class IamUiTest : BunitContext
{
    protected IamUiTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // First, so the TryAdd registrations keep the fakes and the fixed clock.
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IIamDataSource>(Iam);
        Services.AddSingleton<IOrganizationDataSource>(Organizations);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // Read when a page first asks for Regions, so a test fills AwsRegions in its constructor.
        Services.Configure<AwsOptions>(o => o.Regions = [.. AwsRegions]);
        Services.AddDashboardIamUi();
        Services.AddDashboardOrganizationUi();
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    internal FixedTimeProvider Clock { get; } = new(IamTestData.Now);
    internal FakeIamDataSource Iam { get; } = new();
    internal FakeOrganizationDataSource Organizations { get; } = new();

    /// <summary>The configured Aws:Regions (the Regions a re-check may offer).</summary>
    internal List<string> AwsRegions { get; } = [];

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders a page at a URL (query included), with the popover provider MudBlazor menus need.</summary>
    protected IRenderedComponent<TPage> RenderAt<TPage>(string url) where TPage : IComponent
    {
        Render<MudPopoverProvider>();
        Navigation.NavigateTo(url);
        return Render<TPage>();
    }
}
