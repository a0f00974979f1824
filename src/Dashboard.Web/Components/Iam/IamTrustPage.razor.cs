using Dashboard.Web.Iam;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Iam;

/// <summary>Who can assume which role in one account, cross-account edges highlighted (account and filter in the URL).</summary>
public partial class IamTrustPage
{
    private LoadResult<TrustPageModel> _model = LoadResult<TrustPageModel>.Loading;
    private string? _loadedAccount;

    [Inject] public required IServiceProvider Services { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "account")] public string? Account { get; set; }
    [SupplyParameterFromQuery(Name = "cross")] public string? Cross { get; set; }

    private bool CrossOnly => bool.TryParse(Cross, out var cross) && cross;

    protected override async Task OnParametersSetAsync()
    {
        if (_model.Status != LoadStatus.Loading && _loadedAccount == (Account ?? "")) return;
        _loadedAccount = Account ?? "";
        _model = LoadResult<TrustPageModel>.Loading;
        _model = await PageLoad.RunAsync<IamPageLoader, TrustPageModel>(Services, "the IAM accounts", loader => loader.LoadTrustAsync(Account));
    }
}
