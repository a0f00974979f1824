using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Iam;

public enum LoadStatus
{
    Loading,
    Loaded,

    /// <summary>Nothing cached yet (no sync or import has stored this kind of data).</summary>
    Empty,

    /// <summary>The loader failed; <see cref="LoadResult{T}.Error"/> says why in words.</summary>
    Failed,
}

/// <summary>What a page shows: a spinner, its model, the "nothing cached yet" state, or a readable error.</summary>
public sealed record LoadResult<T>(LoadStatus Status, T? Model, string? Error) where T : class
{
    public static LoadResult<T> Loading { get; } = new(LoadStatus.Loading, null, null);

    public static LoadResult<T> Empty { get; } = new(LoadStatus.Empty, null, null);

    public static LoadResult<T> Loaded(T model) => new(LoadStatus.Loaded, model, null);

    public static LoadResult<T> Failed(string error) => new(LoadStatus.Failed, null, error);
}

/// <summary>
/// Runs a page's loader so that nothing it does can take the circuit down: a loader missing from the
/// container (a host that did not call AddDashboardIamUi / AddDashboardOrganizationUi), a cache that
/// throws, or a model builder that meets odd data all become a readable alert on the page.
/// </summary>
public static class PageLoad
{
    public static async Task<LoadResult<TModel>> RunAsync<TLoader, TModel>(
        IServiceProvider services, string what, Func<TLoader, Task<TModel?>> load)
        where TLoader : class
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(load);
        // Resolved here rather than [Inject]ed: the IAM and Organizations caches land after these pages,
        // and a page must say so instead of failing to construct.
        var loader = services.GetService<TLoader>();
        if (loader is null)
        {
            return LoadResult<TModel>.Failed(
                $"Could not load {what}: this host does not provide {typeof(TLoader).Name} (the IAM and Organizations pages are not registered).");
        }

        try
        {
            var model = await load(loader);
            return model is null ? LoadResult<TModel>.Empty : LoadResult<TModel>.Loaded(model);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return LoadResult<TModel>.Failed(Describe(what, ex));
        }
    }

    /// <summary>A loader failure in one sentence (the message only: never a stack trace or connection details).</summary>
    public static string Describe(string what, Exception ex) => ex switch
    {
        NotImplementedException => $"Could not load {what}: the cache for this data is not available in this version of the dashboard yet.",
        _ => $"Could not load {what}: {ex.Message}",
    };
}
