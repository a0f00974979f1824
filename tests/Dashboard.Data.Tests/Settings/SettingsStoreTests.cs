using Dashboard.Data.Settings;
using Dashboard.Data.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Data.Tests.Settings;

public sealed class SettingsStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SettingsStore Store(TestDatabase db) => db.Services.GetRequiredService<SettingsStore>();

    [Fact]
    public async Task GetAsync_NothingStored_LeavesEverythingToConfiguration()
    {
        await using var db = await TestDatabase.CreateAsync();

        var settings = await Store(db).GetAsync(Ct);

        Assert.Null(settings.SyncSchedule);
        Assert.False(settings.IsPaused);
        Assert.Empty(settings.ExcludedAccounts);
        Assert.Empty(await Store(db).GetHistoryAsync(10, Ct));
    }

    [Fact]
    public async Task SetAsync_EverySetting_RoundTripsWithWhoAndWhen()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);

        Assert.True(await store.SetSyncScheduleAsync("  0   */6 * * *\n", "alice", T0, Ct));
        Assert.True(await store.SetSyncPausedAsync(true, "bob", T0.AddMinutes(1), Ct));
        Assert.True(await store.SetAccountExcludedAsync("222222222222", true, "carol", T0.AddMinutes(2), Ct));
        Assert.True(await store.SetAccountExcludedAsync("111111111111", true, "carol", T0.AddMinutes(3), Ct));
        var settings = await store.GetAsync(Ct);

        Assert.Equal(new StoredSetting("0 */6 * * *", "alice", T0), settings.SyncSchedule);
        Assert.True(settings.IsPaused);
        Assert.Equal(new StoredSetting("true", "bob", T0.AddMinutes(1)), settings.SyncPaused);
        Assert.Equal(
            [new ExcludedAccount("111111111111", "carol", T0.AddMinutes(3)), new ExcludedAccount("222222222222", "carol", T0.AddMinutes(2))],
            settings.ExcludedAccounts);
        Assert.NotNull(settings.ExclusionOf("222222222222"));
        Assert.Null(settings.ExclusionOf("333333333333"));
    }

    [Fact]
    public async Task SetAsync_Changes_AreAuditedNewestFirstWithTheValueTheyReplaced()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);

        await store.SetSyncScheduleAsync("0 * * * *", "alice", T0, Ct);
        await store.SetSyncScheduleAsync("", "bob", T0.AddHours(1), Ct);
        await store.SetSyncScheduleAsync(null, "carol", T0.AddHours(2), Ct);
        await store.SetAccountExcludedAsync("123456789012", true, "dave", T0.AddHours(3), Ct);
        await store.SetAccountExcludedAsync("123456789012", false, "erin", T0.AddHours(4), Ct);
        var history = await store.GetHistoryAsync(10, Ct);

        Assert.Equal(
            [
                (SettingKeys.ExcludedAccount, (string?)"123456789012", (string?)"excluded", (string?)"included", "erin", T0.AddHours(4)),
                (SettingKeys.ExcludedAccount, "123456789012", "included", "excluded", "dave", T0.AddHours(3)),
                (SettingKeys.SyncSchedule, null, "", null, "carol", T0.AddHours(2)),
                (SettingKeys.SyncSchedule, null, "0 * * * *", "", "bob", T0.AddHours(1)),
                (SettingKeys.SyncSchedule, null, null, "0 * * * *", "alice", T0),
            ],
            history.Select(c => (c.Setting, c.Subject, c.OldValue, c.NewValue, c.ChangedBy, c.ChangedAt)));
        Assert.Null((await store.GetAsync(Ct)).SyncSchedule);
        Assert.Equal(2, (await store.GetHistoryAsync(2, Ct)).Count);
    }

    [Fact]
    public async Task SetAsync_SameValueAgain_RecordsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        await store.SetSyncScheduleAsync("0 * * * *", "alice", T0, Ct);
        await store.SetAccountExcludedAsync("123456789012", true, "alice", T0, Ct);

        // Not paused is what no stored value means: resuming a running schedule is no change either.
        var changed = new[]
        {
            await store.SetSyncPausedAsync(false, "bob", T0, Ct),
            await store.SetSyncScheduleAsync(" 0 * * * * ", "bob", T0, Ct),
            await store.SetAccountExcludedAsync("123456789012", true, "bob", T0, Ct),
            await store.SetAccountExcludedAsync("999999999999", false, "bob", T0, Ct),
        };

        Assert.All(changed, Assert.False);
        Assert.Equal(2, (await store.GetHistoryAsync(10, Ct)).Count);
        Assert.Equal("alice", (await store.GetAsync(Ct)).SyncSchedule!.ChangedBy);
    }

    [Theory]
    [InlineData("not a cron")]
    [InlineData("0 0 * *")]
    [InlineData("61 * * * *")]
    [InlineData("* * * * *")]
    [InlineData("0 0 30 2 *")]
    public async Task SetSyncScheduleAsync_BadSchedule_IsRefusedAndNothingChanges(string schedule)
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        await store.SetSyncScheduleAsync("0 * * * *", "alice", T0, Ct);

        var ex = await Assert.ThrowsAsync<InvalidSettingException>(() => store.SetSyncScheduleAsync(schedule, "mallory", T0, Ct));

        Assert.Equal(SettingKeys.SyncSchedule, ex.Setting);
        Assert.Equal("0 * * * *", (await store.GetAsync(Ct)).SyncSchedule!.Value);
        Assert.Single(await store.GetHistoryAsync(10, Ct));
    }

    [Theory]
    [InlineData("12345678901")]
    [InlineData("1234567890123")]
    [InlineData("12345678901a")]
    [InlineData("١٢٣٤٥٦٧٨٩٠١٢")]
    [InlineData("")]
    public async Task SetAccountExcludedAsync_NotAnAccountId_IsRefused(string accountId)
    {
        await using var db = await TestDatabase.CreateAsync();

        var ex = await Assert.ThrowsAsync<InvalidSettingException>(() => Store(db).SetAccountExcludedAsync(accountId, true, "alice", T0, Ct));

        Assert.Contains("12 digits", ex.Message);
        Assert.Empty((await Store(db).GetAsync(Ct)).ExcludedAccounts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task SetAsync_NoAuthor_IsRefused(string changedBy)
    {
        await using var db = await TestDatabase.CreateAsync();

        await Assert.ThrowsAsync<InvalidSettingException>(() => Store(db).SetSyncPausedAsync(true, changedBy, T0, Ct));

        Assert.False((await Store(db).GetAsync(Ct)).IsPaused);
    }

    [Fact]
    public async Task SetSyncScheduleAsync_ConcurrentAdmins_LastWriterWinsAndEveryChangeIsAuditedInOrder()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        var schedules = Enumerable.Range(0, 12).Select(i => $"{i} * * * *").ToList();

        // Each writer on its own thread and connection, all at once.
        await Task.WhenAll(schedules.Select((cron, i) => Task.Run(() => store.SetSyncScheduleAsync(cron, $"admin-{i}", T0, Ct), Ct)));

        var history = (await store.GetHistoryAsync(100, Ct)).Reverse().ToList();
        Assert.Equal(schedules.Count, history.Count);
        Assert.Equal(schedules.Order(), history.Select(c => c.NewValue!).Order());
        // Each change replaced exactly what the previous one wrote: no write read a stale value.
        Assert.Null(history[0].OldValue);
        for (var i = 1; i < history.Count; i++)
            Assert.Equal(history[i - 1].NewValue, history[i].OldValue);
        Assert.Equal(history[^1].NewValue, (await store.GetAsync(Ct)).SyncSchedule!.Value);
    }

    [Fact]
    public async Task SetAccountExcludedAsync_ConcurrentAdminsOnDifferentAccounts_KeepsEveryExclusion()
    {
        await using var db = await TestDatabase.CreateAsync();
        var store = Store(db);
        var accounts = Enumerable.Range(1, 10).Select(i => $"{i:D12}").ToList();

        await Task.WhenAll(accounts.Select(a => Task.Run(() => store.SetAccountExcludedAsync(a, true, "admin", T0, Ct), Ct)));

        Assert.Equal(accounts, (await store.GetAsync(Ct)).ExcludedAccounts.Select(a => a.AccountId));
        Assert.Equal(accounts.Count, (await store.GetHistoryAsync(100, Ct)).Count);
    }
}
