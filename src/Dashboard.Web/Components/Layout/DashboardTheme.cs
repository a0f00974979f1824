using MudBlazor;

namespace Dashboard.Web.Components.Layout;

/// <summary>The dashboard's look, in C# so light and dark palettes stay side by side.</summary>
public static class DashboardTheme
{
    // System fonts only: the dashboard must render the same without internet access (no Google Fonts).
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            // AWS console-like: navy bar, blue links and actions, orange accent.
            Primary = "#0972D3",
            Secondary = "#EC7211",
            Tertiary = "#0073BB",
            AppbarBackground = "#232F3E",
            AppbarText = "#FFFFFF",
            Background = "#F7F8FA",
            DrawerBackground = "#FFFFFF",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7AA7FF",
            Secondary = "#FF9900",
            Tertiary = "#44B9D6",
            AppbarBackground = "#161E2D",
            Background = "#0F1520",
            Surface = "#1A2332",
            DrawerBackground = "#141C29",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
        },
    };
}
