using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data;

// CONTRACT ONLY: the Data work registers the DbContext factory (SQLite file in the data folder, WAL) and the stores/queries.
public static class DataServiceCollectionExtensions
{
    /// <summary>Registers the cache: SQLite at <paramref name="databasePath"/>, and FindingStore, FindingQueries, SyncRunStore.</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, string databasePath)
        => throw new NotImplementedException();
}
