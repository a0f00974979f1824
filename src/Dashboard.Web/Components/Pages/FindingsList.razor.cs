using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>
/// The findings grid. The filter lives in the URL: loading a URL restores it, and every change replaces the
/// URL, so the address bar is always a shareable link to the current view.
/// </summary>
public partial class FindingsList : IDisposable
{
    public const int DefaultPageSize = 50;
    private static readonly int[] PageSizes = [25, 50, 100, 250];

    private FindingFilter _filter = FindingFilter.Default;
    private IReadOnlyList<string> _warnings = [];
    private FindingFilterOptions _options = FindingVocabulary.NoOptions;
    private int _rowsPerPage = DefaultPageSize;
    private int _generation;
    private string _gridKey = "";

    [Inject] public required FindingQueries Queries { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    protected override async Task OnInitializedAsync()
    {
        ApplyUrl(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
        _options = await Queries.GetFilterOptionsAsync();
    }

    private SortDirection InitialDirection(string column) => FindingGridSort.InitialDirection(_filter, column);

    private async Task<GridData<FindingRow>> LoadAsync(GridState<FindingRow> state, CancellationToken ct)
    {
        var sorted = FindingGridSort.Apply(_filter, state.SortDefinitions);
        if (FindingLinks.Key(sorted) != FindingLinks.Key(_filter))
        {
            // A header click changed the sort: keep the URL in step without rebuilding the grid.
            _filter = sorted;
            Navigation.NavigateTo(FindingLinks.List(_filter), replace: true);
        }
        var page = await Queries.GetPageAsync(_filter, state.Page * state.PageSize, state.PageSize, ct);
        return new GridData<FindingRow> { Items = page.Rows, TotalItems = page.TotalCount };
    }

    private Task OnFilterChangedAsync(FindingFilter filter)
    {
        // Navigating raises LocationChanged, which applies the filter; the URL stays the single source of truth.
        Navigation.NavigateTo(FindingLinks.List(filter), replace: true);
        return Task.CompletedTask;
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        if (!IsFindingsPath(e.Location)) return;
        if (ApplyUrl(e.Location))
        {
            _ = InvokeAsync(StateHasChanged);
        }
    }

    /// <summary>Reads the filter from the URL; returns true when it differs from the one shown.</summary>
    private bool ApplyUrl(string url)
    {
        var parsed = FindingLinks.ParseUrl(url);
        _warnings = parsed.Warnings;
        if (_gridKey.Length > 0 && FindingLinks.Key(parsed.Filter) == FindingLinks.Key(_filter)) return false;
        _filter = parsed.Filter;
        // A new key rebuilds the grid: back to page 1, and the columns pick up the sort from the URL.
        _gridKey = $"{++_generation}";
        return true;
    }

    private bool IsFindingsPath(string url)
    {
        var relative = Navigation.ToBaseRelativePath(url);
        var end = relative.IndexOfAny(['?', '#']);
        var path = end < 0 ? relative : relative[..end];
        return string.Equals(path.TrimEnd('/'), FindingLinks.FindingsPath.TrimStart('/'), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
