using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Settings;

/// <summary>
/// The settings an Admin changed in the dashboard, and their audit list. Each write runs in one
/// transaction that takes SQLite's write lock before it reads the value it replaces (BEGIN IMMEDIATE,
/// Microsoft.Data.Sqlite's default), so concurrent Admins never lose an audit row: the last writer wins
/// and each row records exactly the value it replaced. A write that changes nothing records nothing.
/// Callers check who may write (the Admin policy); the store checks what is written.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<DashboardDbContext> factory)
{
    public const int MaxValueLength = 200;
    public const int MaxChangedByLength = 256;
    private const string True = "true";
    private const string False = "false";

    public async Task<StoredSettings> GetAsync(CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var settings = await db.DashboardSettings.ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, ct);
        var excluded = await db.ExcludedAccounts.OrderBy(a => a.AccountId).ToListAsync(ct);
        return new StoredSettings(
            ToStored(settings.GetValueOrDefault(SettingKeys.SyncSchedule)),
            ToStored(settings.GetValueOrDefault(SettingKeys.SyncPaused)),
            [.. excluded.Select(a => new ExcludedAccount(a.AccountId, a.ExcludedBy, Instants.FromTicks(a.ExcludedAtTicks)))]);
    }

    /// <summary>
    /// Stores the sync schedule: a cron expression, or "" to turn scheduled syncs off; null removes the
    /// stored value so <c>Dashboard:SyncSchedule</c> applies again. Returns false when nothing changed.
    /// </summary>
    /// <exception cref="InvalidSettingException">The schedule breaks <see cref="SyncScheduleRules"/>.</exception>
    public Task<bool> SetSyncScheduleAsync(string? schedule, string changedBy, DateTimeOffset at, CancellationToken ct = default)
    {
        string? value = null;
        if (schedule is not null)
        {
            value = SyncScheduleRules.Normalize(schedule);
            if (SyncScheduleRules.Validate(value, at) is { } problem) throw new InvalidSettingException(SettingKeys.SyncSchedule, problem);
        }
        return SetAsync(SettingKeys.SyncSchedule, value, absentMeans: null, changedBy, at, ct);
    }

    /// <summary>Pauses or resumes scheduled syncs. Returns false when it already was so.</summary>
    public Task<bool> SetSyncPausedAsync(bool paused, string changedBy, DateTimeOffset at, CancellationToken ct = default)
        => SetAsync(SettingKeys.SyncPaused, paused ? True : False, absentMeans: False, changedBy, at, ct);

    /// <summary>Takes an account out of syncing, or puts it back. Returns false when it already was so.</summary>
    /// <exception cref="InvalidSettingException">Not a 12-digit account id.</exception>
    public async Task<bool> SetAccountExcludedAsync(string accountId, bool excluded, string changedBy, DateTimeOffset at, CancellationToken ct = default)
    {
        if (!IsAccountId(accountId))
            throw new InvalidSettingException(SettingKeys.ExcludedAccount, $"\"{Shorten(accountId)}\" is not an AWS account id (12 digits).");
        var by = CheckChangedBy(changedBy);

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ExcludedAccounts.AsTracking().FirstOrDefaultAsync(a => a.AccountId == accountId, ct);
        if (excluded == (row is not null)) return false;

        if (row is null)
            db.ExcludedAccounts.Add(new ExcludedAccountEntity { AccountId = accountId, ExcludedBy = by, ExcludedAtTicks = Instants.ToTicks(at) });
        else
            db.ExcludedAccounts.Remove(row);
        db.SettingChanges.Add(new SettingChangeEntity
        {
            Setting = SettingKeys.ExcludedAccount,
            Subject = accountId,
            OldValue = excluded ? SettingKeys.Included : SettingKeys.Excluded,
            NewValue = excluded ? SettingKeys.Excluded : SettingKeys.Included,
            ChangedBy = by,
            ChangedAtTicks = Instants.ToTicks(at),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The newest changes first.</summary>
    public async Task<IReadOnlyList<SettingChange>> GetHistoryAsync(int take, CancellationToken ct = default)
    {
        if (take <= 0) return [];
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.SettingChanges.OrderByDescending(c => c.Id).Take(take).ToListAsync(ct);
        return [.. rows.Select(c => new SettingChange(c.Id, c.Setting, c.Subject, c.OldValue, c.NewValue, c.ChangedBy, Instants.FromTicks(c.ChangedAtTicks)))];
    }

    /// <param name="value">The new value; null removes the stored one.</param>
    /// <param name="absentMeans">What no stored value amounts to, so setting that value is not a change.</param>
    private async Task<bool> SetAsync(string key, string? value, string? absentMeans, string changedBy, DateTimeOffset at, CancellationToken ct)
    {
        var by = CheckChangedBy(changedBy);
        if (value is { Length: > MaxValueLength }) throw new InvalidSettingException(key, $"The value is longer than {MaxValueLength} characters.");

        await using var db = await factory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.DashboardSettings.AsTracking().FirstOrDefaultAsync(s => s.Key == key, ct);
        var old = row?.Value;
        if (string.Equals(old ?? absentMeans, value ?? absentMeans, StringComparison.Ordinal)) return false;

        if (value is null)
        {
            db.DashboardSettings.Remove(row!);
        }
        else if (row is null)
        {
            db.DashboardSettings.Add(new DashboardSettingEntity { Key = key, Value = value, ChangedBy = by, ChangedAtTicks = Instants.ToTicks(at) });
        }
        else
        {
            row.Value = value;
            row.ChangedBy = by;
            row.ChangedAtTicks = Instants.ToTicks(at);
        }
        db.SettingChanges.Add(new SettingChangeEntity
        {
            Setting = key, OldValue = old, NewValue = value, ChangedBy = by, ChangedAtTicks = Instants.ToTicks(at),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Twelve ASCII digits (a regex \d would also take other scripts' digits).</summary>
    public static bool IsAccountId(string? accountId) => accountId is { Length: 12 } && accountId.All(char.IsAsciiDigit);

    private static string CheckChangedBy(string changedBy)
    {
        var by = changedBy?.Trim() ?? "";
        if (by.Length == 0) throw new InvalidSettingException("changedBy", "A change needs the name of who made it.");
        if (by.Length > MaxChangedByLength) throw new InvalidSettingException("changedBy", $"The user name is longer than {MaxChangedByLength} characters.");
        return by;
    }

    private static StoredSetting? ToStored(DashboardSettingEntity? row)
        => row is null ? null : new StoredSetting(row.Value, row.ChangedBy, Instants.FromTicks(row.ChangedAtTicks));

    private static string Shorten(string? text)
        => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
