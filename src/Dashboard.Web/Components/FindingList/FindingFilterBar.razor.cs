using Dashboard.Core.Findings;
using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.FindingList;

public partial class FindingFilterBar
{
    private static readonly IReadOnlyList<string> SeverityNames =
        [.. Enum.GetValues<Severity>().OrderByDescending(s => s).Select(s => s.ToString())];

    [Parameter, EditorRequired] public FindingFilter Filter { get; set; } = FindingFilter.Default;
    [Parameter, EditorRequired] public FindingFilterOptions Options { get; set; } = FindingVocabulary.NoOptions;
    [Parameter] public EventCallback<FindingFilter> FilterChanged { get; set; }

    private IReadOnlyList<string> SelectedSeverities => [.. Filter.Severities.Select(s => s.ToString())];

    private bool HasAnyFilter => FindingLinks.Key(Filter with { SortBy = FindingFilter.Default.SortBy, SortDescending = FindingFilter.Default.SortDescending })
        != FindingLinks.Key(FindingFilter.Default);

    private static IReadOnlyList<Severity> ToSeverities(IReadOnlyList<string> names)
        => [.. names.Select(n => Enum.TryParse<Severity>(n, ignoreCase: true, out var s) ? (Severity?)s : null).OfType<Severity>()];

    private Task OnTextChanged(string? text)
        => ChangeAsync(Filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task OnArchivedChanged(bool include) => ChangeAsync(Filter with { IncludeArchived = include });

    private Task ClearAsync()
        => ChangeAsync(FindingFilter.Default with { SortBy = Filter.SortBy, SortDescending = Filter.SortDescending });

    private Task ChangeAsync(FindingFilter filter) => FilterChanged.InvokeAsync(filter);
}
