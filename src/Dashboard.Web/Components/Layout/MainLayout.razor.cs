using Dashboard.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace Dashboard.Web.Components.Layout;

public partial class MainLayout
{
    private const string DarkModeKey = "darkMode";

    private MudThemeProvider? _themeProvider;
    private bool _isDarkMode;
    private bool _drawerOpen = true;

    [Inject] public required IOptions<DashboardOptions> Options { get; init; }
    [Inject] public required IJSRuntime JS { get; init; }

    private bool IsDemo => Options.Value.Demo;

    private string DarkModeToggleLabel => _isDarkMode ? "Switch to light mode" : "Switch to dark mode";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }
        // The choice lives in the browser (localStorage) so it survives restarts without a user store;
        // with none stored we follow the operating system's preference.
        var stored = await JS.InvokeAsync<string?>("dashboardPrefs.get", DarkModeKey);
        var dark = stored switch
        {
            "true" => true,
            "false" => false,
            _ => _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync(),
        };
        if (dark != _isDarkMode)
        {
            _isDarkMode = dark;
            StateHasChanged();
        }
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleDarkModeAsync()
    {
        _isDarkMode = !_isDarkMode;
        await JS.InvokeVoidAsync("dashboardPrefs.set", DarkModeKey, _isDarkMode ? "true" : "false");
    }
}
