using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
using MudBlazor;
using Severity = Dashboard.Core.Findings.Severity;

namespace Dashboard.Web.Tests.Components;

public sealed class FindingLinksTests
{
    [Fact]
    public void Detail_IdWithColonsAndSlashes_IsEscapedIntoQueryParameters()
    {
        var link = FindingLinks.Detail("arn:aws:securityhub:us-east-1:1:subscription/x/finding/a&b=c", "arn:aws:securityhub:us-east-1::product/aws/guardduty");

        Assert.Equal(
            "/findings/detail?id=arn%3Aaws%3Asecurityhub%3Aus-east-1%3A1%3Asubscription%2Fx%2Ffinding%2Fa%26b%3Dc"
            + "&product=arn%3Aaws%3Asecurityhub%3Aus-east-1%3A%3Aproduct%2Faws%2Fguardduty",
            link);
    }

    [Fact]
    public void List_ThenParseUrl_RoundTripsTheFilter()
    {
        var filter = new FindingFilter
        {
            Severities = [Severity.Critical, Severity.High],
            AccountIds = ["111111111111"],
            ControlIds = ["S3.1", "IAM,6"],
            Text = "public bucket",
            IncludeArchived = true,
            SortBy = FindingSortField.UpdatedAt,
            SortDescending = false,
        };

        var parsed = FindingLinks.ParseUrl("https://dashboard.example" + FindingLinks.List(filter));

        Assert.Empty(parsed.Warnings);
        Assert.Equal(FindingLinks.Key(filter), FindingLinks.Key(parsed.Filter));
        Assert.Equal(["IAM,6", "S3.1"], parsed.Filter.ControlIds);
    }

    [Fact]
    public void List_DefaultFilter_IsThePlainPath()
    {
        Assert.Equal("/findings", FindingLinks.List(FindingFilter.Default));
        Assert.Equal("/findings/export.csv", FindingLinks.ExportCsv(FindingFilter.Default));
    }

    [Theory]
    [InlineData(nameof(FindingRow.AwsAccountId), false, FindingSortField.AccountId)]
    [InlineData(nameof(FindingRow.UpdatedAt), true, FindingSortField.UpdatedAt)]
    [InlineData(nameof(FindingRow.ResourceType), false, FindingSortField.ResourceType)]
    public void GridSortApply_SortableColumn_SetsSortField(string column, bool descending, FindingSortField expected)
    {
        var sorts = new[] { new SortDefinition<FindingRow>(column, descending, 0, _ => 0) };

        var sorted = FindingGridSort.Apply(FindingFilter.Default, sorts);

        Assert.Equal((expected, descending), (sorted.SortBy, sorted.SortDescending));
    }

    [Fact]
    public void GridSortApply_UnsupportedColumn_KeepsTheFiltersSort()
    {
        var filter = FindingFilter.Default with { SortBy = FindingSortField.Title, SortDescending = false };

        var sorted = FindingGridSort.Apply(filter, [new SortDefinition<FindingRow>(nameof(FindingRow.ResourceId), true, 0, _ => 0)]);

        Assert.Same(filter, sorted);
    }

    [Fact]
    public void InitialDirection_SortedColumn_MatchesTheUrl()
    {
        var filter = FindingFilter.Default with { SortBy = FindingSortField.Region, SortDescending = false };

        Assert.Equal(SortDirection.Ascending, FindingGridSort.InitialDirection(filter, nameof(FindingRow.Region)));
        Assert.Equal(SortDirection.None, FindingGridSort.InitialDirection(filter, nameof(FindingRow.Severity)));
    }
}
