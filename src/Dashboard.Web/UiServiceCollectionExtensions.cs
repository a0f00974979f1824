using Dashboard.Web.Components;
using Dashboard.Web.Findings;
using Dashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web;

/// <summary>The Blazor UI and the findings export endpoints: one Add and one Map call from Program.cs.</summary>
public static class UiServiceCollectionExtensions
{
    public static IServiceCollection AddDashboardUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.PreventDuplicates = true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<FindingExporter>();
        return services;
    }

    public static WebApplication MapDashboardUi(this WebApplication app)
    {
        app.UseAntiforgery();
        // Static files and the Blazor hub need a signed-in user but no role, so the "no access" page
        // renders for someone in no mapped group; every page still demands its own policy (a page
        // reached inside the circuit is checked by AuthorizeRouteView).
        app.MapStaticAssets().RequireAuthorization(DashboardPolicies.SignedIn);
        app.MapFindingExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(DashboardPolicies.SignedIn);
        return app;
    }
}
