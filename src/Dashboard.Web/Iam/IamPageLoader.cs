using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Organizations;
using Dashboard.Data.Iam;
using Dashboard.Web.Organizations;

namespace Dashboard.Web.Iam;

/// <summary>The principal detail page: the detail, or why there is none.</summary>
public sealed record PrincipalDetailPageModel(PrincipalDetailViewModel? Detail, string? Message, string? OrganizationWarning);

/// <summary>The can / who-can page: the accounts to pick from, the chosen account's workbench and the Regions a re-check may offer.</summary>
public sealed record AccessPageModel(
    IReadOnlyList<string> Accounts, AccessWorkbench? Workbench, string? Message, string? OrganizationWarning, IReadOnlyList<string>? RegionCandidates = null);

/// <summary>
/// What the risks list can be filtered by: the cached accounts and the rules with results (id and title), with
/// each rule's description for the view of one rule's results.
/// </summary>
public sealed record IamRiskFilterOptions(
    IReadOnlyList<string> Accounts, IReadOnlyList<KeyValuePair<string, string>> Rules, IReadOnlyDictionary<string, IamRiskCount> RuleDetails);

/// <summary>The trust page: the accounts to pick from and the chosen account's trust edges.</summary>
public sealed record TrustPageModel(IReadOnlyList<string> Accounts, TrustViewModel? Trust, string? Message, string? OrganizationWarning);

/// <summary>
/// Loads what each IAM page shows: reads the cache, then builds the view model (the pure part, tested on
/// its own). Null means nothing is cached yet. The organization is optional everywhere: when it cannot be
/// read the IAM pages still work, without SCPs, and say so.
/// </summary>
public sealed class IamPageLoader(IIamDataSource iam, IOrganizationDataSource organizations, TimeProvider clock, IamRegionCandidates regions)
{
    /// <summary>Every status: the detail page shows mitigated and unevaluable results too.</summary>
    private static readonly IReadOnlyList<RiskStatus> AllStatuses = Enum.GetValues<RiskStatus>();

    private const int PrincipalRiskLimit = 500;

    public async Task<IamOverviewViewModel?> LoadOverviewAsync(IReadOnlyList<string> accountFilter, CancellationToken ct = default)
    {
        var accounts = await iam.GetAccountsAsync(ct);
        if (accounts.Count == 0) return null;
        var counts = await iam.GetRiskCountsAsync(new IamRiskFilter { AccountIds = accountFilter }, ct);
        var (organization, _) = await OrganizationAsync(ct);
        var names = organization?.Accounts.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        return IamOverviewViewModel.Build(accounts, counts, accountFilter, names);
    }

    public async Task<IamRiskFilterOptions?> LoadRiskOptionsAsync(CancellationToken ct = default)
    {
        var accounts = await iam.GetAccountsAsync(ct);
        if (accounts.Count == 0) return null;
        var counts = await iam.GetRiskCountsAsync(new IamRiskFilter { Statuses = AllStatuses }, ct);
        return new IamRiskFilterOptions(
            [.. accounts.Select(a => a.AccountId).Order(StringComparer.Ordinal)],
            [.. counts.DistinctBy(c => c.RuleId).OrderBy(c => c.Title, StringComparer.OrdinalIgnoreCase).Select(c => new KeyValuePair<string, string>(c.RuleId, c.Title))],
            counts.DistinctBy(c => c.RuleId).ToDictionary(c => c.RuleId, StringComparer.Ordinal));
    }

    /// <summary>One principal; with <paramref name="region"/> (a Region name), its answers re-checked for requests to that Region.</summary>
    public async Task<PrincipalDetailPageModel?> LoadPrincipalAsync(string accountId, string arn, string? region = null, CancellationToken ct = default)
    {
        var snapshot = await iam.GetSnapshotAsync(accountId, ct);
        if (snapshot is null) return null;
        var risks = await iam.GetRisksAsync(new IamRiskFilter { AccountIds = [accountId], ResourceArn = arn, Statuses = AllStatuses }, 0, PrincipalRiskLimit, ct);
        var (organization, warning) = await OrganizationAsync(ct);
        var detail = PrincipalDetailViewModel.Build(snapshot, arn, risks.Rows, organization, clock.GetUtcNow(), regions.Get(),
            IamRegionCandidates.IsRegion(region) ? region : null);
        return detail is null
            ? new PrincipalDetailPageModel(null, $"Account {accountId} has no user, role, group or managed policy with ARN '{arn}' in its cached snapshot.", warning)
            : new PrincipalDetailPageModel(detail, null, warning);
    }

    public async Task<AccessPageModel?> LoadAccessAsync(string? accountId, CancellationToken ct = default)
    {
        var (accounts, chosen, message) = await ChooseAccountAsync(accountId, ct);
        if (accounts is null) return null;
        if (chosen is null) return new AccessPageModel(accounts, null, message, null);
        var snapshot = await iam.GetSnapshotAsync(chosen, ct);
        if (snapshot is null) return new AccessPageModel(accounts, null, $"No IAM snapshot of account {chosen} is cached.", null);
        var (organization, warning) = await OrganizationAsync(ct);
        return new AccessPageModel(accounts, AccessWorkbench.Build(snapshot, organization, clock.GetUtcNow()), null, warning, regions.Get());
    }

    /// <summary>
    /// One account's trust edges; or, for <see cref="IamLinks.AllAccounts"/> (and by default when several accounts
    /// are cached), every account's cross-account edges, read one snapshot at a time.
    /// </summary>
    public async Task<TrustPageModel?> LoadTrustAsync(string? accountId, CancellationToken ct = default)
    {
        var requested = accountId?.Trim();
        if (string.Equals(requested, IamLinks.AllAccounts, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(requested))
        {
            var rows = await iam.GetAccountsAsync(ct);
            if (rows.Count == 0) return null;
            if (rows.Count > 1 || requested is { Length: > 0 }) return await LoadOrganizationTrustAsync([.. rows.Select(r => r.AccountId).Order(StringComparer.Ordinal)], ct);
        }

        var (accounts, chosen, message) = await ChooseAccountAsync(accountId, ct);
        if (accounts is null) return null;
        if (chosen is null) return new TrustPageModel(accounts, null, message, null);
        var snapshot = await iam.GetSnapshotAsync(chosen, ct);
        if (snapshot is null) return new TrustPageModel(accounts, null, $"No IAM snapshot of account {chosen} is cached.", null);
        var (organization, warning) = await OrganizationAsync(ct);
        var trust = TrustViewModel.Build(snapshot, organization);
        trust = await TrustPathFinder.AddPathsAsync(trust, accounts, iam, organization, clock.GetUtcNow(), ct);
        return new TrustPageModel(accounts, trust, null, warning);
    }

    private async Task<TrustPageModel> LoadOrganizationTrustAsync(IReadOnlyList<string> accounts, CancellationToken ct)
    {
        var (organization, warning) = await OrganizationAsync(ct);
        var views = new List<TrustViewModel>();
        var missing = new List<string>();
        foreach (var account in accounts)
        {
            // Only the account's edges are kept: the snapshot goes out of scope before the next one is read.
            var snapshot = await iam.GetSnapshotAsync(account, ct);
            if (snapshot is null) missing.Add(account);
            else views.Add(TrustViewModel.Build(snapshot, organization));
        }

        var message = missing.Count == 0 ? null : $"No readable IAM snapshot of {string.Join(", ", missing)}: their roles are not shown.";
        var trust = await TrustPathFinder.AddPathsAsync(TrustViewModel.CrossAccount(views, organization is not null), accounts, iam, organization, clock.GetUtcNow(), ct);
        return new TrustPageModel(accounts, trust, message, warning);
    }

    /// <summary>The cached accounts and the one to show: the requested one, or the only one there is.</summary>
    private async Task<(IReadOnlyList<string>? Accounts, string? Chosen, string? Message)> ChooseAccountAsync(string? accountId, CancellationToken ct)
    {
        var rows = await iam.GetAccountsAsync(ct);
        if (rows.Count == 0) return (null, null, null);
        IReadOnlyList<string> accounts = [.. rows.Select(r => r.AccountId).Order(StringComparer.Ordinal)];
        if (string.IsNullOrWhiteSpace(accountId))
        {
            return accounts.Count == 1 ? (accounts, accounts[0], null) : (accounts, null, "Pick an account.");
        }

        var trimmed = accountId.Trim();
        return accounts.Contains(trimmed, StringComparer.Ordinal)
            ? (accounts, trimmed, null)
            : (accounts, null, $"Account '{trimmed}' has no cached IAM data; pick one of the accounts listed.");
    }

    private async Task<(OrganizationSnapshot? Organization, string? Warning)> OrganizationAsync(CancellationToken ct)
    {
        try
        {
            return ((await organizations.GetLatestAsync(ct))?.Snapshot, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, PageLoad.Describe("the organization", ex) + " SCPs are not applied.");
        }
    }
}
