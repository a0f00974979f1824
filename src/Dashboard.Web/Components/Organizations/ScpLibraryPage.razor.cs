using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Organizations;

/// <summary>Every SCP and RCP with its summary, targets and JSON; one policy when the URL names it (?id=).</summary>
public partial class ScpLibraryPage
{
    private LoadResult<ScpLibraryPageModel> _state = LoadResult<ScpLibraryPageModel>.Loading;

    [Inject] public required IServiceProvider Services { get; init; }

    [SupplyParameterFromQuery(Name = "id")] public string? Id { get; set; }

    protected override async Task OnParametersSetAsync()
        => _state = await PageLoad.RunAsync<OrganizationPageLoader, ScpLibraryPageModel>(Services, "the organization", loader => loader.LoadPoliciesAsync(Id));
}
