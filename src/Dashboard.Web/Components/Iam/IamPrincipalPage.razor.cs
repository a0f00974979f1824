using Dashboard.Data.Iam;
using Dashboard.Web.Iam;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Iam;

/// <summary>One user, role, group, managed policy or root user of a cached account (account and ARN in the URL).</summary>
public partial class IamPrincipalPage
{
    private LoadResult<PrincipalDetailPageModel> _state = LoadResult<PrincipalDetailPageModel>.Loading;
    private string? _message;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject] public required IServiceProvider Services { get; init; }

    [SupplyParameterFromQuery(Name = "account")] public string? Account { get; set; }

    /// <summary>ARNs contain ':' and '/', hence a query parameter rather than a route segment.</summary>
    [SupplyParameterFromQuery(Name = "arn")] public string? Arn { get; set; }

    /// <summary>A Region to re-check the principal's answers in (aws:RequestedRegion), next to the conditional ones.</summary>
    [SupplyParameterFromQuery(Name = "region")] public string? Region { get; set; }

    private string? RegionWarning => !string.IsNullOrWhiteSpace(Region) && !IamRegionCandidates.IsRegion(Region.Trim())
        ? $"region '{Region}' is not a Region name like eu-west-1: the answers are shown without a Region."
        : null;

    protected override async Task OnParametersSetAsync()
    {
        _message = null;
        _breadcrumbs =
        [
            new("IAM", IamLinks.OverviewPath),
            new(Account ?? "account", IamLinks.IsAccountId(Account) ? IamLinks.Overview(new IamPrincipalFilter { AccountIds = [Account!] }) : null),
            new("Principal", href: null, disabled: true),
        ];
        if (!IamLinks.IsAccountId(Account?.Trim()) || string.IsNullOrWhiteSpace(Arn))
        {
            _message = "This link does not name a principal: it needs the 'account' (a 12-digit account id) and 'arn' query parameters.";
            return;
        }

        _state = LoadResult<PrincipalDetailPageModel>.Loading;
        _state = await PageLoad.RunAsync<IamPageLoader, PrincipalDetailPageModel>(
            Services, $"account {Account}", loader => loader.LoadPrincipalAsync(Account!.Trim(), Arn.Trim(), Region?.Trim()));
    }

    private static string KindLabel(IamEntityKind kind) => kind switch
    {
        IamEntityKind.ManagedPolicy => "Managed policy",
        IamEntityKind.Root => "Root user",
        _ => kind.ToString(),
    };
}
