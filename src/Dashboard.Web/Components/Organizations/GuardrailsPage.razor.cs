using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Organizations;

/// <summary>
/// The accounts × guardrails matrix, filtered to the accounts under one root or OU (?ou=), with the
/// drill-down of one cell (?account=&amp;guardrail=) showing the deciding SCP statement.
/// </summary>
public partial class GuardrailsPage
{
    private LoadResult<GuardrailsPageModel> _state = LoadResult<GuardrailsPageModel>.Loading;

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "ou")] public string? Ou { get; set; }
    [SupplyParameterFromQuery(Name = "account")] public string? Account { get; set; }
    [SupplyParameterFromQuery(Name = "guardrail")] public string? Guardrail { get; set; }

    protected override async Task OnParametersSetAsync()
        => _state = await PageLoad.RunAsync<OrganizationPageLoader, GuardrailsPageModel>(
            Services, "the organization", loader => loader.LoadGuardrailsAsync(Ou, Account, Guardrail));

    private void OnTargetChanged(string? targetId)
    {
        var root = _state.Model?.Matrix?.OuOptions.FirstOrDefault()?.Id;
        Navigation.NavigateTo(OrganizationLinks.Guardrails(targetId == root ? null : targetId));
    }
}
