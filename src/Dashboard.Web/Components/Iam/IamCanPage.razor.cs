using Dashboard.Web.Iam;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Iam;

/// <summary>
/// "Can principal P perform A on R?" and "who can perform A on R?" over one account's cached snapshot,
/// with the account's SCPs when an organization is loaded. The question lives in the URL (account,
/// principal, action, resource, ctx lines, tab), so an answer is a link; it is computed from the URL.
/// </summary>
public partial class IamCanPage
{
    private LoadResult<AccessPageModel> _model = LoadResult<AccessPageModel>.Loading;
    private string? _loadedAccount;
    private AccessQuery _query = AccessQuery.Empty;
    private int _tab;
    private AccessCheckOutcome? _check;
    private WhoCanOutcome? _who;
    private AccessCheckOutcome? _regionCheck;
    private string? _regionOffer;
    private string? _regionError;

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "account")] public string? Account { get; set; }
    [SupplyParameterFromQuery(Name = "principal")] public string? Principal { get; set; }
    [SupplyParameterFromQuery(Name = "action")] public string? Action { get; set; }
    [SupplyParameterFromQuery(Name = "resource")] public string? Resource { get; set; }
    [SupplyParameterFromQuery(Name = "ctx")] public string[]? Context { get; set; }
    [SupplyParameterFromQuery(Name = "tab")] public string? Tab { get; set; }

    /// <summary>Re-check the answer for a request to this Region (aws:RequestedRegion), shown under the answer as asked.</summary>
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_model.Status == LoadStatus.Loading || _loadedAccount != (Account ?? ""))
        {
            _loadedAccount = Account ?? "";
            _model = LoadResult<AccessPageModel>.Loading;
            _model = await PageLoad.RunAsync<IamPageLoader, AccessPageModel>(Services, "the IAM accounts", loader => loader.LoadAccessAsync(Account));
        }

        _tab = string.Equals(Tab, "who", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        _query = new AccessQuery(Principal, Action, Resource, Context is { Length: > 0 } lines ? string.Join('\n', lines) : null);
        _check = null;
        _who = null;
        (_regionCheck, _regionOffer, _regionError) = (null, null, null);
        if (_model.Model?.Workbench is not { } workbench || string.IsNullOrWhiteSpace(Action)) return;
        // Evaluation errors never escape: the workbench turns bad input into messages.
        if (_tab == 1) _who = workbench.WhoCan(_query.Action, _query.Resource, _query.Context);
        else
        {
            _check = workbench.Check(_query.Principal, _query.Action, _query.Resource, _query.Context);
            CheckRegion(workbench, _model.Model.RegionCandidates ?? []);
        }
    }

    /// <summary>The answer in the URL's Region, or a Region to offer when the answer hangs on aws:RequestedRegion.</summary>
    private void CheckRegion(AccessWorkbench workbench, IReadOnlyList<string> candidates)
    {
        if (_check?.Result is not { } result || RegionRecheck.Supplies(_query.Context)) return;
        AccessCheckOutcome Ask(string region) => workbench.Check(_query.Principal, _query.Action, _query.Resource, RegionRecheck.WithRegion(_query.Context, region));
        var region = Region?.Trim();
        if (!string.IsNullOrEmpty(region))
        {
            if (IamRegionCandidates.IsRegion(region)) _regionCheck = Ask(region);
            else _regionError = $"region '{region}' is not a Region name like eu-west-1: the answer is shown without a Region.";
            return;
        }

        if (RegionRecheck.DependsOnRegion(result)) _regionOffer = RegionRecheck.Pick(candidates, r => Ask(r).Result?.Decision);
    }

    private string RecheckHref(string? region)
        => IamLinks.Can(_model.Model?.Workbench?.AccountId, _query.Principal, _query.Action, _query.Resource, AccessWorkbench.ContextLines(_query.Context), region: region);

    private void Submit(AccessQuery query, bool whoCan)
    {
        var account = _model.Model?.Workbench?.AccountId;
        var url = IamLinks.Can(account, whoCan ? _query.Principal : query.Principal, query.Action, query.Resource,
            AccessWorkbench.ContextLines(query.Context), whoCan);
        if (query.Action is null || query.Action.Trim().Length == 0)
        {
            // Nothing to put in the URL: say what is missing right here.
            if (whoCan) _who = new WhoCanOutcome("Type an action, e.g. s3:GetObject.", [], 0);
            else _check = new AccessCheckOutcome("Type an action, e.g. s3:GetObject.", null);
            _tab = whoCan ? 1 : 0;
            return;
        }

        Navigation.NavigateTo(url);
    }

    private void OnTabChanged(int index)
    {
        _tab = index;
        var account = _model.Model?.Workbench?.AccountId;
        Navigation.NavigateTo(IamLinks.Can(account, _query.Principal, _query.Action, _query.Resource, AccessWorkbench.ContextLines(_query.Context), index == 1), replace: true);
    }

    private void OnAccountChanged(string? account) => Navigation.NavigateTo(IamLinks.Can(account));
}
