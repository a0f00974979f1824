using Bunit;
using Dashboard.Core.Sync;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Security;
using Dashboard.Web.Sync;
using Microsoft.Extensions.DependencyInjection;

using TestContext = Xunit.TestContext;

namespace Dashboard.Web.Tests.Components;

public sealed class SyncPageTests : DashboardComponentTest
{
    private SyncProgressNotifier Notifier => Services.GetRequiredService<SyncProgressNotifier>();

    [Fact]
    public async Task Render_RecordedRun_ShowsCountsAndPerTargetErrors()
    {
        var started = Clock.GetUtcNow().AddMinutes(-10);
        var runId = await SyncRuns.StartRunAsync("manual", started, TestContext.Current.CancellationToken);
        await SyncRuns.RecordTargetAsync(runId, new SyncTargetResult
        {
            AccountId = "111111111111", Region = "us-east-1", Status = SyncTargetStatus.Succeeded,
            New = 12, Updated = 3, Unchanged = 40, Rejected = 1, Retries = 2, Pages = 1,
            RejectionSamples = ["finding 'x': missing required field <Title>"],
            StartedAt = started, FinishedAt = started.AddSeconds(20),
        }, TestContext.Current.CancellationToken);
        await SyncRuns.RecordTargetAsync(runId, new SyncTargetResult
        {
            AccountId = "222222222222", Region = "eu-west-1", Status = SyncTargetStatus.Failed,
            Error = "AccessDenied: not authorized to perform sts:AssumeRole",
            StartedAt = started, FinishedAt = started.AddSeconds(5),
        }, TestContext.Current.CancellationToken);
        await SyncRuns.FinishRunAsync(runId, SyncRunStatus.PartiallySucceeded, started.AddSeconds(30), null, TestContext.Current.CancellationToken);

        var cut = RenderAt<SyncPage>("/sync");

        cut.WaitForAssertion(() => Assert.Contains("Partially succeeded", cut.Find("[data-testid=sync-runs]").TextContent));
        var runs = cut.Find("[data-testid=sync-runs]").TextContent;
        Assert.Contains("12 new", runs);
        Assert.Contains("2 retries", runs);
        Assert.Contains("30.0s", runs);
        Assert.Contains("AccessDenied: not authorized to perform sts:AssumeRole", cut.Markup);
        Assert.Contains("missing required field &lt;Title&gt;", cut.Markup);
    }

    [Fact]
    public async Task Render_IamTargetWithWarnings_CallsThemWarningsNotRejectedFindings()
    {
        var started = Clock.GetUtcNow().AddMinutes(-10);
        var runId = await SyncRuns.StartRunAsync("manual", started, TestContext.Current.CancellationToken);
        await SyncRuns.RecordTargetAsync(runId, new SyncTargetResult
        {
            AccountId = "111111111111", Region = SyncTargetKinds.GlobalRegion, Kind = SyncTargetKinds.Iam,
            Status = SyncTargetStatus.Succeeded,
            RejectionSamples = ["Credential report unavailable: AccessDenied on iam:GenerateCredentialReport"],
            StartedAt = started, FinishedAt = started.AddSeconds(2),
        }, TestContext.Current.CancellationToken);
        await SyncRuns.FinishRunAsync(runId, SyncRunStatus.Succeeded, started.AddSeconds(3), null, TestContext.Current.CancellationToken);

        var cut = RenderAt<SyncPage>("/sync");

        cut.WaitForAssertion(() => Assert.Contains("Credential report unavailable", cut.Markup));
        var targets = cut.Find("[data-testid=sync-targets]").TextContent;
        Assert.Contains("Warnings:", targets);
        Assert.DoesNotContain("Rejected findings", targets);
        Assert.DoesNotContain("Incremental", targets);
        Assert.Contains("IAM", targets);
    }

    [Fact]
    public void SyncNow_Accepted_StartsAManualSync()
    {
        var cut = RenderAt<SyncPage>("/sync");

        cut.Find("[data-testid=sync-now]").Click();

        Assert.Equal(["manual"], SyncTrigger.Requests);
        Assert.Contains("Sync started", cut.Find("[data-testid=sync-notice]").TextContent);
    }

    [Theory]
    [InlineData("demo-analyst", DashboardRoles.Analyst)]
    [InlineData("demo-viewer", DashboardRoles.Viewer)]
    public void SyncNow_NotAdmin_ButtonIsNotOffered(string user, string role)
    {
        Auth.SignInAs(user, role);

        var cut = RenderAt<SyncPage>("/sync");

        cut.WaitForAssertion(() => Assert.Contains("Recent runs", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=sync-now]"));
    }

    [Fact]
    public async Task SyncNow_InvokedDirectlyByAViewer_IsRefusedOnTheServer()
    {
        Auth.SignInAs("demo-viewer", DashboardRoles.Viewer);
        var cut = RenderAt<SyncPage>("/sync");
        var handler = typeof(SyncPage).GetMethod("SyncNowAsync", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

        // What a tampered circuit could do: call the handler although no button was rendered.
        await cut.InvokeAsync(() => (Task)handler.Invoke(cut.Instance, null)!);
        cut.Render();

        Assert.Empty(SyncTrigger.Requests);
        Assert.Contains("Only an Admin", cut.Find("[data-testid=sync-notice]").TextContent);
    }

    [Fact]
    public void SyncNow_AlreadyRunning_TellsTheUser()
    {
        SyncTrigger.Accept = false;
        var cut = RenderAt<SyncPage>("/sync");

        cut.Find("[data-testid=sync-now]").Click();

        Assert.Contains("already running", cut.Find("[data-testid=sync-notice]").TextContent);
    }

    [Fact]
    public void Publish_ProgressWhileOpen_UpdatesTheProgressPanel()
    {
        var cut = RenderAt<SyncPage>("/sync");
        Assert.Contains("No sync is running.", cut.Find("[data-testid=sync-progress]").TextContent);

        Notifier.Publish(new SyncProgress(true, 7, "schedule", 4, 1, 0, 250, "111111111111/us-east-1", Clock.GetUtcNow()));

        cut.WaitForAssertion(() => Assert.Contains("1 of 4 account-Regions", cut.Find("[data-testid=sync-progress]").TextContent));
        Assert.Contains("111111111111/us-east-1", cut.Find("[data-testid=sync-progress]").TextContent);
        Assert.True(cut.Find("[data-testid=sync-now]").HasAttribute("disabled"));
    }

    [Fact]
    public void Dispose_Page_UnsubscribesFromTheNotifier()
    {
        var cut = RenderAt<SyncPage>("/sync");
        var page = cut.Instance;

        page.Dispose();
        Notifier.Publish(new SyncProgress(true, 8, "manual", 2, 1, 0, 10, null, Clock.GetUtcNow()));

        Assert.Contains("No sync is running.", cut.Find("[data-testid=sync-progress]").TextContent);
    }
}
