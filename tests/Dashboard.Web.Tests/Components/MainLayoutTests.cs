using Bunit;
using Dashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Components;

public sealed class MainLayoutTests : DashboardComponentTest
{
    private IRenderedComponent<MainLayout> RenderLayout()
        => Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    [Fact]
    public void Render_DemoMode_ShowsTheDemoBanner()
    {
        Options.Demo = true;

        var cut = RenderLayout();

        Assert.Contains("Demo data", cut.Find("[data-testid=demo-banner]").TextContent);
        Assert.Contains("page body", cut.Markup);
    }

    [Fact]
    public void Render_RealMode_HasNoDemoBanner()
    {
        var cut = RenderLayout();

        Assert.Empty(cut.FindAll("[data-testid=demo-banner]"));
        Assert.Equal(["Overview", "Findings", "IAM", "Risks", "Trust", "Organization", "Guardrails", "SCPs", "Sync", "Admin"], cut.FindAll(".mud-nav-link").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Render_StoredDarkPreference_StartsDark()
    {
        JSInterop.Setup<string?>("dashboardPrefs.get", "darkMode").SetResult("true");

        var cut = RenderLayout();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("button[aria-label='Switch to light mode']")));
    }

    [Fact]
    public void ToggleDarkMode_Click_SwitchesAndRemembersTheChoice()
    {
        JSInterop.Setup<string?>("dashboardPrefs.get", "darkMode").SetResult("false");
        var cut = RenderLayout();

        cut.Find("button[aria-label='Switch to dark mode']").Click();

        Assert.NotNull(cut.Find("button[aria-label='Switch to light mode']"));
        Assert.Equal(["darkMode", "true"], JSInterop.VerifyInvoke("dashboardPrefs.set").Arguments);
    }
}
