using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Dashboard.Core.Findings;
using Dashboard.Web.Components.Pages;

namespace Dashboard.Web.Tests.Components;

public sealed class FindingsListTests : DashboardComponentTest
{
    private async Task SeedThreeAsync()
    {
        await SeedAsync(
            TestFindings.Record("finding-critical", "Root account has no MFA", Severity.Critical, account: "111111111111", controlId: "IAM.6"),
            TestFindings.Record("finding-low", "Bucket logging disabled", Severity.Low, account: "222222222222", controlId: "S3.9",
                resourceId: "arn:aws:s3:::logs-bucket"),
            TestFindings.Record("finding-archived", "Old archived finding", Severity.High, recordState: "ARCHIVED"));
    }

    private static IReadOnlyList<string> RowTitles(IRenderedComponent<FindingsList> cut)
        => [.. cut.FindAll("[data-testid=findings-grid] tbody tr a[href^='/findings/detail']").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Render_NoFilter_ShowsActiveFindingsLinkedToTheirDetail()
    {
        await SeedThreeAsync();

        var cut = RenderAt<FindingsList>("/findings");

        cut.WaitForAssertion(() => Assert.Equal(["Root account has no MFA", "Bucket logging disabled"], RowTitles(cut)));
        var link = cut.Find("[data-testid=findings-grid] tbody tr a[href^='/findings/detail']");
        Assert.Equal(
            "/findings/detail?id=finding-critical&product=" + Uri.EscapeDataString(TestFindings.ProductArn()),
            link.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_SeverityFilterInUrl_ShowsOnlyMatchingRows()
    {
        await SeedThreeAsync();

        var cut = RenderAt<FindingsList>("/findings?severity=LOW");

        cut.WaitForAssertion(() => Assert.Equal(["Bucket logging disabled"], RowTitles(cut)));
        Assert.Equal("/findings/export.csv?severity=LOW", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
        Assert.Equal("/findings/export.json?severity=LOW", cut.Find("[data-testid=export-json]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_ArchivedSwitchAndTextInUrl_IncludesArchivedMatches()
    {
        await SeedThreeAsync();

        var cut = RenderAt<FindingsList>("/findings?archived=true&q=archived");

        cut.WaitForAssertion(() => Assert.Equal(["Old archived finding"], RowTitles(cut)));
    }

    [Fact]
    public async Task LocationChanged_NewFilterInUrl_ReloadsTheGrid()
    {
        await SeedThreeAsync();
        var cut = RenderAt<FindingsList>("/findings");
        cut.WaitForAssertion(() => Assert.Equal(2, RowTitles(cut).Count));

        await cut.InvokeAsync(() => Navigation.NavigateTo("/findings?account=222222222222", replace: true));

        cut.WaitForAssertion(() => Assert.Equal(["Bucket logging disabled"], RowTitles(cut)));
        Assert.Equal("/findings/export.csv?account=222222222222", cut.Find("[data-testid=export-csv]").GetAttribute("href"));
    }

    [Fact]
    public async Task Render_MalformedFilterInUrl_WarnsAndShowsTheRest()
    {
        await SeedThreeAsync();

        var cut = RenderAt<FindingsList>("/findings?severity=APOCALYPTIC&sort=nonsense");

        cut.WaitForAssertion(() => Assert.Equal(2, RowTitles(cut).Count));
        var warning = cut.Find("[data-testid=filter-warnings]").TextContent;
        Assert.Contains("APOCALYPTIC", warning);
        Assert.Contains("nonsense", warning);
    }

    [Fact]
    public async Task ArchivedSwitch_Toggled_ReplacesTheUrlAndShowsArchivedRows()
    {
        await SeedThreeAsync();
        var cut = RenderAt<FindingsList>("/findings?severity=HIGH");
        cut.WaitForAssertion(() => Assert.Empty(RowTitles(cut)));

        cut.Find("input[data-testid=filter-archived]").Change(true);

        cut.WaitForAssertion(() => Assert.Equal(["Old archived finding"], RowTitles(cut)));
        Assert.EndsWith("/findings?severity=HIGH&archived=true", Navigation.Uri);
        var navigation = Assert.IsType<BunitNavigationManager>(Navigation).History.First();
        Assert.True(navigation.Options.ReplaceHistoryEntry);
    }

    [Fact]
    public void Render_Prerendering_SaysLoadingRatherThanEmpty()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderAt<FindingsList>("/findings");

        Assert.Contains("Loading findings", cut.Find("[data-testid=findings-grid]").TextContent);
        Assert.DoesNotContain("No findings match", cut.Markup);
    }

    [Fact]
    public void Render_EmptyCache_SaysNothingMatches()
    {
        var cut = RenderAt<FindingsList>("/findings");

        cut.WaitForAssertion(() => Assert.Contains("No findings match this filter.", cut.Markup));
    }
}
