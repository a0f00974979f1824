using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Organizations;

/// <summary>The organization tree (root → OUs → accounts) with SCP badges and guardrail coverage at each node.</summary>
public partial class OrganizationPage
{
    private LoadResult<OrganizationTreePageModel> _state = LoadResult<OrganizationTreePageModel>.Loading;

    [Inject] public required IServiceProvider Services { get; init; }

    protected override async Task OnInitializedAsync()
        => _state = await PageLoad.RunAsync<OrganizationPageLoader, OrganizationTreePageModel>(Services, "the organization", loader => loader.LoadTreeAsync());
}
