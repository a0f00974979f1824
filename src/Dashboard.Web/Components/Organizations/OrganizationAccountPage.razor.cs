using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Organizations;

/// <summary>One account of the organization: its path, the SCPs at each level with their summaries, its guardrails.</summary>
public partial class OrganizationAccountPage
{
    private LoadResult<OrganizationAccountPageModel> _state = LoadResult<OrganizationAccountPageModel>.Loading;
    private string? _message;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject] public required IServiceProvider Services { get; init; }

    [SupplyParameterFromQuery(Name = "id")] public string? Id { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _breadcrumbs = [new("Organization", OrganizationLinks.TreePath), new(Id ?? "Account", href: null, disabled: true)];
        _message = null;
        if (!IamLinks.IsAccountId(Id?.Trim()))
        {
            _message = "This link does not name an account: it needs an 'id' query parameter with a 12-digit account id.";
            return;
        }

        _state = LoadResult<OrganizationAccountPageModel>.Loading;
        _state = await PageLoad.RunAsync<OrganizationPageLoader, OrganizationAccountPageModel>(
            Services, "the organization", loader => loader.LoadAccountAsync(Id!.Trim()));
    }
}
