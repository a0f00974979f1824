using Dashboard.Data.Findings;
using Dashboard.Data.Sync;
using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public partial class OverviewPage
{
    private OverviewViewModel? _model;
    private DateTimeOffset _now;

    [Inject] public required FindingQueries Queries { get; init; }
    [Inject] public required SyncRunStore SyncRuns { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    protected override async Task OnInitializedAsync()
    {
        var overview = await Queries.GetOverviewAsync();
        var lastRun = await SyncRuns.GetLastRunAsync();
        _now = Clock.GetUtcNow();
        _model = OverviewViewModel.Build(overview, lastRun);
    }

    // Few fixed categories read best as a donut; open-ended ones (accounts, Regions, products) as bars.
    private static ChartType ChartTypeFor(OverviewBreakdown breakdown)
        => breakdown.TestId is "by-account" or "by-region" or "by-product" ? ChartType.Bar : ChartType.Donut;
}
