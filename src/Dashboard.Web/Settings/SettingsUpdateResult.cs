namespace Dashboard.Web.Settings;

public enum SettingsUpdateOutcome
{
    Saved,
    /// <summary>The setting already had that value: nothing written, nothing audited.</summary>
    Unchanged,
    /// <summary>Not an Admin: refused (and logged) before anything was read or written.</summary>
    Forbidden,
    /// <summary>The value is wrong (a bad cron, not an account id); the message says how.</summary>
    Invalid,
    /// <summary>The database refused the write; logged, nothing changed.</summary>
    Failed,
}

/// <summary>What a settings change did, with a sentence to show the Admin.</summary>
public sealed record SettingsUpdateResult(SettingsUpdateOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is SettingsUpdateOutcome.Saved or SettingsUpdateOutcome.Unchanged;
}
