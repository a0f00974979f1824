using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Iam;
using Dashboard.Web.Iam;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using FindingSeverity = Dashboard.Core.Findings.Severity;

namespace Dashboard.Web.Components.Iam;

/// <summary>
/// The IAM risk results, paged on the server, filtered by account, rule, severity, category, status and
/// text, sorted by a column header (all in the URL). A row expands to the evidence behind it.
/// </summary>
public partial class IamRisksPage
{
    private const int ItemsShown = 4;
    private static readonly int[] PageSizes = [25, 50, 100, 250];
    private static readonly IReadOnlyList<string> SeverityNames = [.. Enum.GetValues<FindingSeverity>().OrderByDescending(s => s).Select(s => s.ToString())];
    private static readonly IReadOnlyList<string> CategoryNames = Enum.GetNames<RiskCategory>();
    private static readonly IReadOnlyList<string> StatusNames = Enum.GetNames<RiskStatus>();
    private static readonly IamSort<IamRiskSortField> DefaultSort = new(IamRiskSortField.Severity, true);

    private LoadResult<IamRiskFilterOptions> _options = LoadResult<IamRiskFilterOptions>.Loading;
    private IamRiskFilter _filter = new();
    private IReadOnlyList<string> _warnings = [];
    private string _gridKey = "";
    private string? _gridError;

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "account")] public string[]? Account { get; set; }
    [SupplyParameterFromQuery(Name = "rule")] public string[]? Rule { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] public string[]? SeverityValues { get; set; }
    [SupplyParameterFromQuery(Name = "category")] public string[]? Category { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string[]? Status { get; set; }
    [SupplyParameterFromQuery(Name = "arn")] public string? Arn { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = IamSortLinks.SortParameter)] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = IamSortLinks.DirectionParameter)] public string? Direction { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var parsed = IamLinks.ParseRiskFilter(Account, Rule, SeverityValues, Category, Status, Arn, Text, Sort, Direction);
        _warnings = parsed.Warnings;
        if (IamLinks.Key(parsed.Filter) != IamLinks.Key(_filter) || _gridKey.Length == 0)
        {
            _filter = parsed.Filter;
            _gridKey = IamLinks.Key(_filter);
            _gridError = null;
        }

        if (_options.Status == LoadStatus.Loading)
        {
            _options = await PageLoad.RunAsync<IamPageLoader, IamRiskFilterOptions>(Services, "the IAM risks", loader => loader.LoadRiskOptionsAsync());
        }
    }

    private async Task<GridData<IamRiskRow>> LoadRisksAsync(GridState<IamRiskRow> state, CancellationToken ct)
    {
        try
        {
            var data = Services.GetRequiredService<IIamDataSource>();
            var page = await data.GetRisksAsync(_filter, state.Page * state.PageSize, state.PageSize, ct);
            return new GridData<IamRiskRow> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _gridError = PageLoad.Describe("the risks", ex);
            StateHasChanged();
            return new GridData<IamRiskRow> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>A sortable column's header: a link to this view sorted by the column.</summary>
    private RenderFragment Header(string title, IamRiskSortField field) => SortHeader.For(
        title, field, _filter.Sort ?? DefaultSort, IamSortLinks.Name(field), IamSortLinks.NaturallyDescending(field),
        next => IamLinks.Risks(_filter with { Sort = next }));

    /// <summary>The rules with results, plus any rule a shared link names that has none here (so it can be removed).</summary>
    private IEnumerable<KeyValuePair<string, string>> RuleOptions(IamRiskFilterOptions options)
        => options.Rules.Concat(_filter.RuleIds.Where(id => options.Rules.All(r => r.Key != id)).Select(id => new KeyValuePair<string, string>(id, id)));

    private static IReadOnlyList<string> Names<T>(IReadOnlyList<T> values) where T : struct, Enum => [.. values.Select(v => v.ToString())];

    private static IReadOnlyList<T> Parse<T>(IReadOnlyList<string> names) where T : struct, Enum
        => [.. names.Select(n => Enum.TryParse<T>(n, out var v) ? (T?)v : null).OfType<T>()];

    private Task OnTextChangedAsync(string? text) => ChangeAsync(_filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task ChangeAsync(IamRiskFilter filter)
    {
        Navigation.NavigateTo(IamLinks.Risks(filter), replace: true);
        return Task.CompletedTask;
    }
}
