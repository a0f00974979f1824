using Dashboard.Core.Sync;
using Dashboard.Data.Settings;
using Dashboard.Data.Sync;
using Dashboard.Web.Sync;

namespace Dashboard.Web.Settings;

/// <summary>Loads the Admin page: the schedule in force, the accounts in scope with their last sync, the history, the configuration.</summary>
public sealed class AdminPageLoader(
    SettingsStore store,
    SyncSchedulePlanner planner,
    SyncTargetSource targets,
    SyncRunStore runs,
    EffectiveConfiguration configuration,
    TimeProvider time)
{
    public const int HistoryCount = 50;
    /// <summary>How far back to look for a finished run while one is in progress.</summary>
    private const int RunsConsidered = 5;

    public async Task<AdminPageModel> LoadAsync(CancellationToken ct)
    {
        var plan = planner.For(await store.GetAsync(ct));
        var scope = await targets.GetScopeAsync(ct);
        var recent = await runs.GetRecentRunsAsync(RunsConsidered, ct);
        var lastRun = recent.FirstOrDefault(r => r.Status != SyncRunStatus.Running);
        var history = await store.GetHistoryAsync(HistoryCount, ct);
        return new AdminPageModel
        {
            Plan = plan,
            Now = time.GetUtcNow(),
            Accounts = [.. scope.Accounts
                .OrderBy(a => a.Source == ScopeAccountSource.ExcludedOnly)
                .ThenBy(a => a.AccountId, StringComparer.Ordinal)
                .Select(a => new AccountRow(a, AccountSyncStatus.From(lastRun, a.AccountId)))],
            ScopeNote = scope.Note,
            LastRun = lastRun,
            History = [.. history.Select(SettingChangeView.From)],
            Configuration = configuration.Entries(),
        };
    }
}
