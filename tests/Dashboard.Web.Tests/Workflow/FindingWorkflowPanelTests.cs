using Amazon.Runtime;
using Bunit;
using Dashboard.Core.Findings;
using Dashboard.Web.Components.Pages;
using Dashboard.Web.Findings;
using Dashboard.Web.Security;
using Dashboard.Web.Tests.Components;
using MudBlazor;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>The detail page's workflow panel and dialog: who sees the action, what a submit does, how failures show.</summary>
public sealed class FindingWorkflowPanelTests : DashboardComponentTest
{
    private const string HostileNote = "<script>alert(1)</script> fixed";
    private static readonly FindingRecord Finding = TestFindings.Record("wf-1", "Bucket is public");

    [Fact]
    public async Task Render_Viewer_HidesTheUpdateButtonButShowsTheHistory()
    {
        // Arrange
        await SeedAsync(Finding);
        Auth.SignInAs("demo-viewer", DashboardRoles.Viewer);

        // Act
        var cut = RenderDetail();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("No workflow changes", cut.Find("[data-testid=workflow-history]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=workflow-update]"));
        Assert.Equal("NEW", cut.Find("[data-testid=workflow-status]").TextContent.Trim());
    }

    [Theory]
    [InlineData("demo-analyst", DashboardRoles.Analyst)]
    [InlineData("demo-admin", DashboardRoles.Admin)]
    public async Task Render_AnalystOrAdmin_ShowsTheUpdateButton(string user, string role)
    {
        // Arrange
        await SeedAsync(Finding);
        Auth.SignInAs(user, role);

        // Act
        var cut = RenderDetail();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Update workflow", cut.Find("[data-testid=workflow-update]").TextContent.Trim()));
    }

    [Fact]
    public async Task Dialog_AnalystSubmits_UpdatesAndShowsTheNewStatusAndHistory()
    {
        // Arrange
        await SeedAsync(Finding);
        Auth.SignInAs("demo-analyst", DashboardRoles.Analyst);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();
        cut.WaitForElement("[data-testid=workflow-update]").Click();
        dialogs.WaitForElement("[data-testid=workflow-dialog]");

        // Act
        dialogs.Find("[data-testid=workflow-status-SUPPRESSED]").Click();
        dialogs.Find("[data-testid=workflow-note]").Input(HostileNote);
        dialogs.Find("[data-testid=workflow-submit]").Click();

        // Assert
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=workflow-dialog]")));
        var call = Assert.Single(WorkflowGateway.Calls);
        Assert.Equal(("SUPPRESSED", HostileNote, "demo-analyst"), (call.Request.WorkflowStatus, call.Request.Note!.Text, call.Request.Note.UpdatedBy));
        cut.WaitForAssertion(() => Assert.Equal("SUPPRESSED", cut.Find("[data-testid=workflow-status]").TextContent.Trim()));
        Assert.Contains("Workflow status set to SUPPRESSED.", cut.Find("[data-testid=workflow-notice]").TextContent);
        var entry = cut.Find("[data-testid=workflow-history-entry]");
        Assert.Contains("NEW", entry.TextContent);
        Assert.Contains("SUPPRESSED", entry.TextContent);
        Assert.Contains("demo-analyst", entry.TextContent);
        Assert.Equal(HostileNote, cut.Find("[data-testid=workflow-history-note]").TextContent);
        // The note is text everywhere it appears (history, raw JSON): never markup.
        Assert.Empty(cut.FindAll("script"));
        Assert.DoesNotContain("<script>alert(1)</script>", cut.Markup);
        Assert.Contains("\"SUPPRESSED\"", cut.Find("[data-testid=raw-json]").TextContent);
    }

    [Fact]
    public async Task Dialog_NoNote_CannotBeSubmitted()
    {
        // Arrange
        await SeedAsync(Finding);
        Auth.SignInAs("demo-analyst", DashboardRoles.Analyst);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();
        cut.WaitForElement("[data-testid=workflow-update]").Click();
        dialogs.WaitForElement("[data-testid=workflow-dialog]");

        // Act
        dialogs.Find("[data-testid=workflow-note]").Input("   ");

        // Assert
        Assert.True(dialogs.Find("[data-testid=workflow-submit]").HasAttribute("disabled"));
        Assert.Empty(WorkflowGateway.Calls);
    }

    [Fact]
    public async Task Dialog_AwsRefuses_ShowsWhyAndKeepsTheDialogAndTheStatus()
    {
        // Arrange
        await SeedAsync(Finding);
        WorkflowGateway.Respond = _ => throw new AmazonServiceException(
            "not authorized to perform: securityhub:BatchUpdateFindings", null, ErrorType.Sender, "AccessDeniedException", "req", System.Net.HttpStatusCode.Forbidden);
        Auth.SignInAs("demo-analyst", DashboardRoles.Analyst);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();
        cut.WaitForElement("[data-testid=workflow-update]").Click();
        dialogs.WaitForElement("[data-testid=workflow-dialog]");

        // Act
        dialogs.Find("[data-testid=workflow-note]").Input("Fixed");
        dialogs.Find("[data-testid=workflow-submit]").Click();

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains("securityhub:BatchUpdateFindings", dialogs.Find("[data-testid=workflow-error]").TextContent));
        Assert.NotEmpty(dialogs.FindAll("[data-testid=workflow-dialog]"));
        Assert.Equal("NEW", cut.Find("[data-testid=workflow-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Dialog_RoleRevokedWhileOpen_TheServerRefusesTheSubmit()
    {
        // Arrange: the button was shown, then the session lost its Analyst role (a Viewer's direct call).
        await SeedAsync(Finding);
        Auth.SignInAs("demo-analyst", DashboardRoles.Analyst);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();
        cut.WaitForElement("[data-testid=workflow-update]").Click();
        dialogs.WaitForElement("[data-testid=workflow-dialog]");
        dialogs.Find("[data-testid=workflow-note]").Input("Fixed");
        Auth.SignInAs("demo-analyst", DashboardRoles.Viewer);

        // Act
        dialogs.Find("[data-testid=workflow-submit]").Click();

        // Assert
        dialogs.WaitForAssertion(() => Assert.Contains("Analyst or Admin role", dialogs.Find("[data-testid=workflow-error]").TextContent));
        Assert.Empty(WorkflowGateway.Calls);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=workflow-update]")));
    }

    [Fact]
    public async Task Dialog_Cancel_ChangesNothing()
    {
        // Arrange
        await SeedAsync(Finding);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderDetail();
        cut.WaitForElement("[data-testid=workflow-update]").Click();
        dialogs.WaitForElement("[data-testid=workflow-dialog]");
        dialogs.Find("[data-testid=workflow-note]").Input("Changed my mind");

        // Act
        dialogs.Find("[data-testid=workflow-cancel]").Click();

        // Assert
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=workflow-dialog]")));
        Assert.Empty(WorkflowGateway.Calls);
        Assert.Empty(cut.FindAll("[data-testid=workflow-notice]"));
        Assert.Equal("NEW", cut.Find("[data-testid=workflow-status]").TextContent.Trim());
    }

    private IRenderedComponent<FindingDetailPage> RenderDetail()
        => RenderAt<FindingDetailPage>(FindingLinks.Detail(Finding.Id, Finding.ProductArn));
}
