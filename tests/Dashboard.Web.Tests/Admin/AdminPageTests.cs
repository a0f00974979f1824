using System.Reflection;
using Bunit;
using Dashboard.Aws;
using Dashboard.Core.Sync;
using Dashboard.Data.Settings;
using Dashboard.Web.Components.Admin;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

using TestContext = Xunit.TestContext;

namespace Dashboard.Web.Tests.Admin;

/// <summary>The Admin page: what it shows, that its editor validates, and that every control goes through the settings service.</summary>
public sealed class AdminPageTests : DashboardComponentTest
{
    private const string Prod = "111111111111";
    private const string Sandbox = "222222222222";

    public AdminPageTests()
    {
        AwsSettings = o =>
        {
            o.Regions = ["us-east-1"];
            o.Accounts =
            [
                new AwsAccountOptions { AccountId = Prod, Name = "prod" },
                new AwsAccountOptions { AccountId = Sandbox, Name = "<img src=x onerror=alert(1)>" },
            ];
        };
    }

    private SettingsStore Store => Services.GetRequiredService<SettingsStore>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IRenderedComponent<AdminPage> RenderPage()
    {
        var cut = RenderAt<AdminPage>("/admin");
        cut.WaitForElement("[data-testid=schedule-panel]");
        return cut;
    }

    [Fact]
    public void Page_RequiresTheAdminPolicy()
    {
        var authorize = typeof(AdminPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true);

        Assert.Equal([DashboardPolicies.Admin], authorize.Select(a => a.Policy));
        Assert.Equal("/admin", typeof(AdminPage).GetCustomAttribute<Microsoft.AspNetCore.Components.RouteAttribute>()!.Template);
    }

    [Fact]
    public void Render_Admin_ShowsScheduleAccountsConfigurationAndHistory()
    {
        var cut = RenderPage();

        Assert.Contains("\"*/30 * * * *\" (UTC), from configuration (Dashboard:SyncSchedule)", cut.Find("[data-testid=schedule-status]").TextContent);
        // The clock stands at 2024-06-01 12:00 UTC.
        Assert.Equal(
            ["2024-06-01 12:30:00 UTC", "2024-06-01 13:00:00 UTC", "2024-06-01 13:30:00 UTC"],
            cut.FindAll("[data-testid=schedule-next-run]").Select(e => e.TextContent.Trim()));
        Assert.Contains("2 synced, 0 excluded", cut.Find("[data-testid=accounts-summary]").TextContent);
        Assert.Contains("prod", cut.Find($"[data-testid=account-row-{Prod}]").TextContent);
        Assert.Contains("configured", cut.Find($"[data-testid=account-row-{Prod}]").TextContent);
        Assert.Contains("Not in the last run", cut.Find($"[data-testid=account-row-{Prod}]").TextContent);
        Assert.Contains("dashboard-admins", cut.Find("[data-testid=config-panel]").TextContent);
        Assert.Contains("No settings were changed", cut.Find("[data-testid=settings-history]").TextContent);
        // Configured names are text, never markup.
        Assert.Empty(cut.FindAll("img[src=x]"));
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", cut.Markup);
    }

    [Theory]
    [InlineData("every day at noon", "is not a cron expression")]
    [InlineData("0 0 * *", "is not a cron expression")]
    [InlineData("*/1 * * * *", "more often than every 5 minutes")]
    public void Editor_BadCron_ShowsAClearErrorAndCannotSave(string cron, string expected)
    {
        var cut = RenderPage();

        cut.Find("[data-testid=schedule-input]").Input(cron);

        Assert.Contains(expected, cut.Find("[data-testid=schedule-error]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=schedule-next-run]"));
        Assert.True(cut.Find("[data-testid=schedule-save]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Editor_ValidCron_PreviewsTheNextRunsAndSavesThroughTheService()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=schedule-input]").Input("0 */6 * * *");
        Assert.Equal(
            ["2024-06-01 18:00:00 UTC", "2024-06-02 00:00:00 UTC", "2024-06-02 06:00:00 UTC"],
            cut.FindAll("[data-testid=schedule-next-run]").Select(e => e.TextContent.Trim()));
        cut.Find("[data-testid=schedule-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Sync schedule set to \"0 */6 * * *\"", cut.Find("[data-testid=admin-notice]").TextContent));
        var stored = (await Store.GetAsync(Ct)).SyncSchedule;
        Assert.Equal(("0 */6 * * *", "demo-admin"), (stored!.Value, stored.ChangedBy));
        Assert.Contains("set on this page (demo-admin", cut.Find("[data-testid=schedule-status]").TextContent);
        Assert.Contains("Set the sync schedule to \"0 */6 * * *\" (was the configured one)", cut.Find("[data-testid=settings-history-entry]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=schedule-reset]"));
    }

    [Fact]
    public async Task TurnOffThenReset_StoresOffThenHandsBackToConfiguration()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=schedule-off]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Scheduled syncs are off, set on this page", cut.Find("[data-testid=schedule-status]").TextContent));
        Assert.Equal("", (await Store.GetAsync(Ct)).SyncSchedule!.Value);
        cut.Find("[data-testid=schedule-reset]").Click();

        cut.WaitForAssertion(() => Assert.Contains("from configuration", cut.Find("[data-testid=schedule-status]").TextContent));
        Assert.Null((await Store.GetAsync(Ct)).SyncSchedule);
        Assert.Equal(2, cut.FindAll("[data-testid=settings-history-entry]").Count);
    }

    [Fact]
    public async Task PauseThenResume_TogglesTheStoredSwitch()
    {
        var cut = RenderPage();

        cut.Find("[data-testid=schedule-pause]").Click();
        cut.WaitForAssertion(() => Assert.Contains("paused (demo-admin", cut.Find("[data-testid=schedule-paused]").TextContent));
        Assert.True((await Store.GetAsync(Ct)).IsPaused);
        Assert.Contains("Next runs once resumed", cut.Find("[data-testid=schedule-next-runs]").TextContent);
        cut.Find("[data-testid=schedule-resume]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=schedule-paused]")));
        Assert.False((await Store.GetAsync(Ct)).IsPaused);
        Assert.Equal(
            ["Resumed scheduled syncs", "Paused scheduled syncs"],
            cut.FindAll("[data-testid=settings-history-entry] td:last-child").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task ExcludeThenInclude_TogglesTheAccountThroughTheService()
    {
        var cut = RenderPage();

        cut.Find($"[data-testid=account-exclude-{Sandbox}]").Click();
        cut.WaitForAssertion(() => Assert.Contains("Excluded by demo-admin", cut.Find($"[data-testid=account-row-{Sandbox}]").TextContent));
        Assert.Equal(Sandbox, Assert.Single((await Store.GetAsync(Ct)).ExcludedAccounts).AccountId);
        Assert.Contains("1 synced, 1 excluded", cut.Find("[data-testid=accounts-summary]").TextContent);
        cut.Find($"[data-testid=account-include-{Sandbox}]").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll($"[data-testid=account-exclude-{Sandbox}]")));
        Assert.Empty((await Store.GetAsync(Ct)).ExcludedAccounts);
    }

    [Fact]
    public async Task LastSyncColumn_FailedAndSkippedAccounts_ShowTheirStatusFromTheLatestRun()
    {
        var at = Clock.GetUtcNow().AddMinutes(-5);
        var runId = await SyncRuns.StartRunAsync("schedule", at, Ct);
        await SyncRuns.RecordTargetAsync(runId, new SyncTargetResult
        {
            AccountId = Prod, Region = "us-east-1", Status = SyncTargetStatus.Failed, Error = "AccessDenied: not authorized",
            StartedAt = at, FinishedAt = at,
        }, Ct);
        await SyncRuns.RecordTargetAsync(runId, new SyncTargetResult
        {
            AccountId = Sandbox, Region = SyncTargetKinds.GlobalRegion, Kind = Dashboard.Web.Sync.SyncScope.SkippedKind,
            Status = SyncTargetStatus.Succeeded, Error = "Skipped: excluded", StartedAt = at, FinishedAt = at,
        }, Ct);
        await SyncRuns.FinishRunAsync(runId, SyncRunStatus.Failed, at.AddMinutes(1), null, Ct);

        var cut = RenderPage();

        Assert.Equal("Failed", cut.Find($"[data-testid=account-row-{Prod}] [data-testid=account-last-sync]").TextContent.Trim());
        Assert.Equal("Skipped (excluded)", cut.Find($"[data-testid=account-row-{Sandbox}] [data-testid=account-last-sync]").TextContent.Trim());
        Assert.Contains($"run #{runId}", cut.Find("[data-testid=accounts-summary]").TextContent);
    }

    [Theory]
    [InlineData("demo-viewer", DashboardRoles.Viewer)]
    [InlineData("demo-analyst", DashboardRoles.Analyst)]
    public async Task Handlers_InvokedDirectlyByANonAdmin_AreRefusedOnTheServer(string user, string role)
    {
        var cut = RenderPage();
        Auth.SignInAs(user, role);
        var pause = typeof(AdminPage).GetMethod("SetPausedAsync", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var exclude = typeof(AdminPage).GetMethod("SetExcludedAsync", BindingFlags.NonPublic | BindingFlags.Instance)!;
        var save = typeof(AdminPage).GetMethod("SaveScheduleAsync", BindingFlags.NonPublic | BindingFlags.Instance)!;

        // What a tampered circuit could do: call the handlers although the router would not show the page.
        await cut.InvokeAsync(() => (Task)pause.Invoke(cut.Instance, [true])!);
        await cut.InvokeAsync(() => (Task)exclude.Invoke(cut.Instance, [new AccountExclusionChange(Prod, true)])!);
        await cut.InvokeAsync(() => (Task)save.Invoke(cut.Instance, [""])!);
        cut.Render();

        var stored = await Store.GetAsync(Ct);
        Assert.Equal((false, 0, null), (stored.IsPaused, stored.ExcludedAccounts.Count, stored.SyncSchedule));
        Assert.Empty(await Store.GetHistoryAsync(10, Ct));
        Assert.Contains("Only an Admin", cut.Find("[data-testid=admin-notice]").TextContent);
    }

    [Fact]
    public void ConfigurationPanel_SecretsSet_NeverShowsThem()
    {
        const string ClientSecret = "cognito-client-secret-canary-7f3a";
        const string ExternalId = "external-id-canary-91bd";
        const string DemoSecret = "demo-secret-key-canary-c0de";
        CognitoSettings = o =>
        {
            o.ClientId = "client-id-1";
            o.ClientSecret = ClientSecret;
            o.Region = "eu-west-1";
            o.UserPoolId = "eu-west-1_AbCdEf123";
            o.Domain = "https://user:password-canary@auth.example.com";
            o.Groups.Admin = ["secops-admins"];
        };
        var baseAws = AwsSettings!;
        AwsSettings = o =>
        {
            baseAws(o);
            o.ExternalId = ExternalId;
            o.DemoAccessKeyId = "AKIADEMOCANARY";
            o.DemoSecretAccessKey = DemoSecret;
        };

        var cut = RenderPage();

        var panel = cut.Find("[data-testid=config-panel]").TextContent;
        foreach (var secret in new[] { ClientSecret, ExternalId, DemoSecret, "AKIADEMOCANARY", "password-canary" })
            Assert.DoesNotContain(secret, cut.Markup);
        Assert.Contains("set (never shown)", panel);
        Assert.Contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123", panel);
        Assert.Contains("secops-admins", panel);
        Assert.Contains("client-id-1", panel);
    }

    [Fact]
    public async Task ChangeByAnotherAdmin_ReloadsTheOpenPage()
    {
        var cut = RenderPage();

        var result = await Services.GetRequiredService<Dashboard.Web.Settings.AdminSettingsService>()
            .SetPausedAsync(TestAuthenticationStateProvider.SignedIn("other-admin", DashboardRoles.Admin), true, Ct);

        Assert.Equal(Dashboard.Web.Settings.SettingsUpdateOutcome.Saved, result.Outcome);
        cut.WaitForAssertion(() => Assert.Contains("paused (other-admin", cut.Find("[data-testid=schedule-paused]").TextContent));
    }

    [Theory]
    [InlineData("demo-admin", DashboardRoles.Admin, true)]
    [InlineData("demo-analyst", DashboardRoles.Analyst, false)]
    [InlineData("demo-viewer", DashboardRoles.Viewer, false)]
    public void NavMenu_AdminLink_OnlyForAdmins(string user, string role, bool shown)
    {
        Auth.SignInAs(user, role);

        var cut = Render<NavMenu>();

        cut.WaitForAssertion(() => Assert.Contains("Sync", cut.Markup));
        Assert.Equal(shown, cut.FindAll("[data-testid=nav-admin]").Count == 1);
    }
}
