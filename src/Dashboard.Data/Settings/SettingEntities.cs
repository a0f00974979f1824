namespace Dashboard.Data.Settings;

/// <summary>
/// One setting an Admin changed in the dashboard, overriding configuration (see <see cref="SettingKeys"/>).
/// No row means the configured value applies.
/// </summary>
public sealed class DashboardSettingEntity
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    /// <summary>The signed-in user's name (cognito:username, else email), never a token.</summary>
    public required string ChangedBy { get; set; }
    /// <summary>UTC ticks: SQLite cannot order DateTimeOffset.</summary>
    public long ChangedAtTicks { get; set; }
}

/// <summary>An account an Admin took out of syncing (a sandbox, an account being closed).</summary>
public sealed class ExcludedAccountEntity
{
    public required string AccountId { get; set; }
    public required string ExcludedBy { get; set; }
    public long ExcludedAtTicks { get; set; }
}

/// <summary>
/// The audit list: who changed which setting from what to what, and when. Append-only, and apart from
/// the settings themselves, so a setting reset to its configured default keeps its history.
/// </summary>
public sealed class SettingChangeEntity
{
    public long Id { get; set; }
    public required string Setting { get; set; }
    /// <summary>What the change is about when the setting has several (the account id of an exclusion).</summary>
    public string? Subject { get; set; }
    /// <summary>Null when the setting had no stored value (the configured one applied).</summary>
    public string? OldValue { get; set; }
    /// <summary>Null when the stored value was removed (the configured one applies again).</summary>
    public string? NewValue { get; set; }
    public required string ChangedBy { get; set; }
    public long ChangedAtTicks { get; set; }
}
