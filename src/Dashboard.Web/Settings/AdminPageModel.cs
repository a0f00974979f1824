using Dashboard.Core.Sync;
using Dashboard.Data.Settings;
using Dashboard.Web.Sync;

namespace Dashboard.Web.Settings;

/// <summary>Everything the Admin page shows, loaded in one go by <see cref="AdminPageLoader"/>.</summary>
public sealed record AdminPageModel
{
    public required SyncSchedulePlan Plan { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required IReadOnlyList<AccountRow> Accounts { get; init; }
    /// <summary>A caveat about the account list (discovery without a cached organization).</summary>
    public string? ScopeNote { get; init; }
    /// <summary>The run the "last sync" column reads: the newest finished run.</summary>
    public SyncRunSummary? LastRun { get; init; }
    public required IReadOnlyList<SettingChangeView> History { get; init; }
    public required IReadOnlyList<ConfigurationEntry> Configuration { get; init; }

    public int InScopeCount => Accounts.Count(a => a.Account.InScope);
    public int ExcludedCount => Accounts.Count(a => a.Account.IsExcluded);
}

public enum AccountSyncState
{
    Succeeded,
    Failed,
    /// <summary>The run skipped it: excluded by an Admin.</summary>
    Skipped,
    /// <summary>Not in the last run (added since, or not eligible).</summary>
    NotSynced,
}

/// <summary>How an account fared in the last run, with the first error when it failed.</summary>
public sealed record AccountSyncStatus(AccountSyncState State, string? Detail)
{
    public static AccountSyncStatus From(SyncRunSummary? run, string accountId)
    {
        var results = run?.Targets
            .Where(t => t.AccountId == accountId && t.Kind != SyncTargetKinds.Organization)
            .ToList() ?? [];
        if (results.Count == 0) return new(AccountSyncState.NotSynced, null);
        if (results.FirstOrDefault(t => t.Status == SyncTargetStatus.Failed) is { } failed)
            return new(AccountSyncState.Failed, $"{failed.Kind} {failed.Region}: {failed.Error}");
        if (results.All(t => t.Kind == SyncScope.SkippedKind)) return new(AccountSyncState.Skipped, results[0].Error);
        return new(AccountSyncState.Succeeded, null);
    }

    public string Label => State switch
    {
        AccountSyncState.Succeeded => "Succeeded",
        AccountSyncState.Failed => "Failed",
        AccountSyncState.Skipped => "Skipped (excluded)",
        _ => "Not in the last run",
    };
}

/// <summary>One row of the accounts-in-scope table.</summary>
public sealed record AccountRow(ScopeAccount Account, AccountSyncStatus LastSync)
{
    public string SourceLabel => Account.Source switch
    {
        ScopeAccountSource.Configured => "configured",
        ScopeAccountSource.Discovered => "discovered",
        _ => "excluded only",
    };
}

/// <summary>One line of the change history, in words.</summary>
public sealed record SettingChangeView(long Id, DateTimeOffset ChangedAt, string ChangedBy, string Description)
{
    public static SettingChangeView From(SettingChange change) => new(change.Id, change.ChangedAt, change.ChangedBy, Describe(change));

    public static string Describe(SettingChange change) => change.Setting switch
    {
        SettingKeys.SyncSchedule => (change.OldValue, change.NewValue) switch
        {
            (_, null) => $"Reset the sync schedule to the configured one (was {Schedule(change.OldValue)})",
            _ => $"Set the sync schedule to {Schedule(change.NewValue)} (was {Schedule(change.OldValue)})",
        },
        SettingKeys.SyncPaused => change.NewValue == "true" ? "Paused scheduled syncs" : "Resumed scheduled syncs",
        SettingKeys.ExcludedAccount => change.NewValue == SettingKeys.Excluded
            ? $"Excluded account {change.Subject} from syncing"
            : $"Included account {change.Subject} in syncing again",
        _ => $"Changed {change.Setting}{(change.Subject is null ? "" : $" ({change.Subject})")} from \"{change.OldValue}\" to \"{change.NewValue}\"",
    };

    private static string Schedule(string? value) => value switch
    {
        null => "the configured one",
        "" => "off",
        _ => $"\"{value}\"",
    };
}
