using Dashboard.Data.Iam;
using Dashboard.Web.Iam;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Components.Iam;

/// <summary>
/// The IAM overview: cached accounts, the risks summary and the principals grid. The principals filter
/// lives in the URL (account, kind, q, risky, sort, dir); the grid pages and sorts on the server.
/// </summary>
public partial class IamPage
{
    private static readonly int[] PageSizes = [25, 50, 100, 250];
    private static readonly IReadOnlyList<string> KindNames = Enum.GetNames<IamPrincipalKind>();
    private static readonly IamSort<IamPrincipalSortField> DefaultSort = new(IamPrincipalSortField.Name, false);

    private LoadResult<IamOverviewViewModel> _state = LoadResult<IamOverviewViewModel>.Loading;
    private IamPrincipalFilter _filter = new();
    private IReadOnlyList<string> _warnings = [];
    private string? _loadedAccounts;
    private string _gridKey = "";
    private string? _gridError;

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "account")] public string[]? Account { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] public string[]? Kind { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery(Name = "risky")] public string? Risky { get; set; }
    [SupplyParameterFromQuery(Name = IamSortLinks.SortParameter)] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = IamSortLinks.DirectionParameter)] public string? Direction { get; set; }

    private IReadOnlyList<string> SelectedKinds => [.. _filter.Kinds.Select(k => k.ToString())];

    protected override async Task OnParametersSetAsync()
    {
        var parsed = IamLinks.ParsePrincipalFilter(Account, Kind, Text, Risky, Sort, Direction);
        _warnings = parsed.Warnings;
        if (IamLinks.Key(parsed.Filter) != IamLinks.Key(_filter) || _gridKey.Length == 0)
        {
            _filter = parsed.Filter;
            // A new key rebuilds the grid, back on page 1 with the new filter.
            _gridKey = IamLinks.Key(_filter);
            _gridError = null;
        }

        // The risks summary follows the account filter only; other filter changes do not reload it.
        var accounts = string.Join(",", _filter.AccountIds);
        if (_loadedAccounts != accounts)
        {
            _loadedAccounts = accounts;
            _state = await PageLoad.RunAsync<IamPageLoader, IamOverviewViewModel>(
                Services, "the IAM accounts", loader => loader.LoadOverviewAsync(_filter.AccountIds));
        }
    }

    private async Task<GridData<IamPrincipalRow>> LoadPrincipalsAsync(GridState<IamPrincipalRow> state, CancellationToken ct)
    {
        try
        {
            var data = Services.GetRequiredService<IIamDataSource>();
            var page = await data.GetPrincipalsAsync(_filter, state.Page * state.PageSize, state.PageSize, ct);
            return new GridData<IamPrincipalRow> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _gridError = PageLoad.Describe("the principals", ex);
            StateHasChanged();
            return new GridData<IamPrincipalRow> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>A sortable column's header: a link to this view sorted by the column.</summary>
    private RenderFragment Header(string title, IamPrincipalSortField field) => SortHeader.For(
        title, field, _filter.Sort ?? DefaultSort, IamSortLinks.Name(field), IamSortLinks.NaturallyDescending(field),
        next => IamLinks.Overview(_filter with { Sort = next }));

    private static string KindLabel(IamPrincipalKind kind) => kind == IamPrincipalKind.ManagedPolicy ? "Managed policy" : kind.ToString();

    private static IReadOnlyList<IamPrincipalKind> ToKinds(IReadOnlyList<string> names)
        => [.. names.Select(n => Enum.TryParse<IamPrincipalKind>(n, out var k) ? (IamPrincipalKind?)k : null).OfType<IamPrincipalKind>()];

    private Task OnTextChangedAsync(string? text) => ChangeAsync(_filter with { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() });

    private Task ChangeAsync(IamPrincipalFilter filter)
    {
        // The URL is the single source of truth: navigating re-supplies the query parameters.
        Navigation.NavigateTo(IamLinks.Overview(filter), replace: true);
        return Task.CompletedTask;
    }
}
