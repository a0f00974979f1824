namespace Dashboard.Data.Settings;

/// <summary>The settings an Admin can change in the dashboard; each overrides its configuration key.</summary>
public static class SettingKeys
{
    /// <summary>The sync schedule (cron, UTC); "" turns scheduled syncs off. Overrides <c>Dashboard:SyncSchedule</c>.</summary>
    public const string SyncSchedule = "sync.schedule";
    /// <summary>"true" stops scheduled syncs ("Sync now" still works).</summary>
    public const string SyncPaused = "sync.paused";
    /// <summary>An account left out of syncing; the audit row's Subject is the account id.</summary>
    public const string ExcludedAccount = "sync.excluded-account";

    public const string Excluded = "excluded";
    public const string Included = "included";
}

/// <summary>A stored value with who set it and when.</summary>
public sealed record StoredSetting(string Value, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>An account an Admin took out of syncing.</summary>
public sealed record ExcludedAccount(string AccountId, string ExcludedBy, DateTimeOffset ExcludedAt);

/// <summary>Every stored setting; a null member means configuration decides.</summary>
public sealed record StoredSettings(StoredSetting? SyncSchedule, StoredSetting? SyncPaused, IReadOnlyList<ExcludedAccount> ExcludedAccounts)
{
    public static StoredSettings Empty { get; } = new(null, null, []);

    public bool IsPaused => SyncPaused?.Value == "true";

    public ExcludedAccount? ExclusionOf(string accountId)
        => ExcludedAccounts.FirstOrDefault(a => string.Equals(a.AccountId, accountId, StringComparison.Ordinal));
}

/// <summary>One row of the settings audit list.</summary>
public sealed record SettingChange(
    long Id,
    string Setting,
    string? Subject,
    string? OldValue,
    string? NewValue,
    string ChangedBy,
    DateTimeOffset ChangedAt);

/// <summary>A value the store refuses to keep; the message says what is wrong and how to fix it.</summary>
public sealed class InvalidSettingException(string setting, string message) : ArgumentException(message)
{
    public string Setting { get; } = setting;
}
