using System.Security.Claims;
using Dashboard.Data.Settings;
using Dashboard.Web.Security;

namespace Dashboard.Web.Settings;

/// <summary>
/// Every change an Admin makes on the Admin page: the sync schedule, pausing it, and which accounts are
/// synced. Each call checks the Admin policy on the server first (a circuit can invoke any handler, so
/// hiding a control is not the guard): a refusal is logged and changes nothing. Saved changes are
/// audited by the store and announced to the scheduler and open Admin pages.
/// </summary>
public sealed class AdminSettingsService(
    ActionAuthorizer actions,
    SettingsStore store,
    SettingsChangeNotifier changes,
    TimeProvider time,
    ILogger<AdminSettingsService> logger)
{
    public const string ForbiddenMessage = "Only an Admin can change settings.";

    /// <summary>Stores a cron schedule (UTC), or "" to turn scheduled syncs off.</summary>
    public Task<SettingsUpdateResult> SetScheduleAsync(ClaimsPrincipal user, string? schedule, CancellationToken ct)
    {
        var cron = SyncScheduleRules.Normalize(schedule);
        return ChangeAsync(
            user, "change the sync schedule",
            now => SyncScheduleRules.Validate(cron, now),
            (by, now) => store.SetSyncScheduleAsync(cron, by, now, ct),
            cron.Length == 0 ? "Scheduled syncs are off. \"Sync now\" still works." : $"Sync schedule set to \"{cron}\" (UTC).",
            "The schedule already is that.");
    }

    /// <summary>Removes the stored schedule: <c>Dashboard:SyncSchedule</c> applies again.</summary>
    public Task<SettingsUpdateResult> ResetScheduleAsync(ClaimsPrincipal user, CancellationToken ct)
        => ChangeAsync(
            user, "reset the sync schedule",
            _ => null,
            (by, now) => store.SetSyncScheduleAsync(null, by, now, ct),
            "The configured schedule (Dashboard:SyncSchedule) applies again.",
            "The configured schedule already applies.");

    public Task<SettingsUpdateResult> SetPausedAsync(ClaimsPrincipal user, bool paused, CancellationToken ct)
        => ChangeAsync(
            user, paused ? "pause scheduled syncs" : "resume scheduled syncs",
            _ => null,
            (by, now) => store.SetSyncPausedAsync(paused, by, now, ct),
            paused ? "Scheduled syncs are paused. \"Sync now\" still works." : "Scheduled syncs resumed.",
            paused ? "Scheduled syncs already are paused." : "Scheduled syncs already run.");

    public Task<SettingsUpdateResult> SetAccountExcludedAsync(ClaimsPrincipal user, string accountId, bool excluded, CancellationToken ct)
        => ChangeAsync(
            user, excluded ? "exclude an account from syncing" : "include an account in syncing",
            _ => SettingsStore.IsAccountId(accountId) ? null : "That is not an AWS account id (12 digits).",
            (by, now) => store.SetAccountExcludedAsync(accountId, excluded, by, now, ct),
            excluded ? $"Account {accountId} is skipped from the next sync on." : $"Account {accountId} is synced again from the next sync on.",
            excluded ? $"Account {accountId} already is excluded." : $"Account {accountId} already is synced.");

    private async Task<SettingsUpdateResult> ChangeAsync(
        ClaimsPrincipal user,
        string action,
        Func<DateTimeOffset, string?> validate,
        Func<string, DateTimeOffset, Task<bool>> write,
        string saved,
        string unchanged)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await actions.IsAllowedAsync(user, DashboardPolicies.Admin, action))
            return new SettingsUpdateResult(SettingsUpdateOutcome.Forbidden, ForbiddenMessage);

        var by = CognitoClaims.Name(user);
        if (by is null)
        {
            logger.LogWarning("Refused {Action}: the signed-in Admin has no user name or email to record", action);
            return new SettingsUpdateResult(SettingsUpdateOutcome.Invalid, "Your sign-in has no user name or email to record with the change.");
        }

        var now = time.GetUtcNow();
        if (validate(now) is { } problem)
        {
            logger.LogInformation("Rejected {Action} by {User}: {Problem}", action, by, problem);
            return new SettingsUpdateResult(SettingsUpdateOutcome.Invalid, problem);
        }

        bool changed;
        try
        {
            changed = await write(by, now);
        }
        catch (InvalidSettingException ex)
        {
            logger.LogInformation("Rejected {Action} by {User}: {Problem}", action, by, ex.Message);
            return new SettingsUpdateResult(SettingsUpdateOutcome.Invalid, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not save the change ({Action}) by {User}", action, by);
            return new SettingsUpdateResult(SettingsUpdateOutcome.Failed, "The change could not be saved (the error is logged); nothing changed.");
        }

        if (!changed) return new SettingsUpdateResult(SettingsUpdateOutcome.Unchanged, unchanged);
        logger.LogInformation("{User} changed a setting ({Action}): {Result}", by, action, saved);
        changes.Publish();
        return new SettingsUpdateResult(SettingsUpdateOutcome.Saved, saved);
    }
}
