using Dashboard.Data.Findings;
using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

public partial class FindingDetailPage
{
    private const int SameResourceLimit = 25;

    private FindingDetailViewModel? _model;
    private IReadOnlyList<FindingRow> _sameResource = [];
    private string? _message;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject] public required FindingQueries Queries { get; init; }

    /// <summary>The finding id; ids contain ':' and '/', hence a query parameter rather than a route segment.</summary>
    [SupplyParameterFromQuery(Name = "id")] public string? Id { get; set; }

    /// <summary>The finding's ProductArn: with the id it is the key (as in BatchUpdateFindings).</summary>
    [SupplyParameterFromQuery(Name = "product")] public string? Product { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs = [new("Findings", FindingLinks.FindingsPath), new("Detail", href: null, disabled: true)];
        _model = null;
        _sameResource = [];
        _message = null;
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Product))
        {
            _message = "This link does not name a finding: it needs both the 'id' and the 'product' query parameters.";
            return;
        }

        await LoadAsync(Id, Product);
    }

    /// <summary>After a workflow update: the cache has the new status, JSON and note; read them without blanking the page.</summary>
    private async Task ReloadAsync()
    {
        if (_model is not null) await LoadAsync(_model.Row.Id, _model.Row.ProductArn);
    }

    private async Task LoadAsync(string id, string productArn)
    {
        var detail = await Queries.GetDetailAsync(id, productArn);
        if (detail is null)
        {
            _model = null;
            _message = $"No finding with id '{id}' and product '{productArn}' is in the cache. It may have been removed by a later sync.";
            return;
        }

        _model = FindingDetailViewModel.From(detail);
        _sameResource = string.IsNullOrEmpty(detail.Row.ResourceId)
            ? []
            : await Queries.GetOnSameResourceAsync(detail.Row.ResourceId, detail.Row.Id, detail.Row.ProductArn, SameResourceLimit);
    }
}
