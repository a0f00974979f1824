using Dashboard.Data.Organizations;

namespace Dashboard.Web.Organizations;

/// <summary>Where the shown organization came from and when.</summary>
public sealed record OrganizationCacheInfo(DateTimeOffset CollectedAt, string Source, long? SyncRunId)
{
    public static OrganizationCacheInfo From(CachedOrganization cached) => new(cached.CollectedAt, cached.Source, cached.SyncRunId);
}

public sealed record OrganizationTreePageModel(OrganizationTreeViewModel Tree, OrganizationCacheInfo Cache);

public sealed record OrganizationAccountPageModel(OrganizationAccountViewModel? Account, string? Message, OrganizationCacheInfo Cache);

public sealed record ScpLibraryPageModel(ScpLibraryViewModel Library, OrganizationCacheInfo Cache);

public sealed record GuardrailsPageModel(GuardrailMatrixViewModel? Matrix, string? Error, OrganizationCacheInfo Cache);

/// <summary>
/// Loads what each Organizations page shows from the cached organization (null: none synced or imported
/// yet) and builds the view models, sharing one guardrail matrix per snapshot.
/// </summary>
public sealed class OrganizationPageLoader(IOrganizationDataSource organizations, GuardrailMatrixCache matrices)
{
    public async Task<OrganizationTreePageModel?> LoadTreeAsync(CancellationToken ct = default)
    {
        if (await organizations.GetLatestAsync(ct) is not { } cached) return null;
        var (matrix, error) = matrices.For(cached);
        return new OrganizationTreePageModel(OrganizationTreeViewModel.Build(cached.Snapshot, matrix, error), OrganizationCacheInfo.From(cached));
    }

    public async Task<OrganizationAccountPageModel?> LoadAccountAsync(string accountId, CancellationToken ct = default)
    {
        if (await organizations.GetLatestAsync(ct) is not { } cached) return null;
        var (matrix, error) = matrices.For(cached);
        var account = OrganizationAccountViewModel.Build(cached.Snapshot, accountId, matrix, error);
        var message = account is null ? $"The organization {cached.Snapshot.Organization.Id} has no account '{accountId}'." : null;
        return new OrganizationAccountPageModel(account, message, OrganizationCacheInfo.From(cached));
    }

    public async Task<ScpLibraryPageModel?> LoadPoliciesAsync(string? policyId, CancellationToken ct = default)
    {
        if (await organizations.GetLatestAsync(ct) is not { } cached) return null;
        return new ScpLibraryPageModel(ScpLibraryViewModel.Build(cached.Snapshot, policyId), OrganizationCacheInfo.From(cached));
    }

    public async Task<GuardrailsPageModel?> LoadGuardrailsAsync(string? targetId, string? accountId, string? guardrailId, CancellationToken ct = default)
    {
        if (await organizations.GetLatestAsync(ct) is not { } cached) return null;
        var (matrix, error) = matrices.For(cached);
        return new GuardrailsPageModel(
            matrix is null ? null : GuardrailMatrixViewModel.Build(matrix, targetId, accountId, guardrailId),
            error,
            OrganizationCacheInfo.From(cached));
    }
}
