using System.Security.Claims;
using Dashboard.Web.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Dashboard.Web.Components.Admin;

/// <summary>
/// Sync schedule, pause, accounts in scope, effective configuration and change history. The page only
/// collects intent: every change goes through <see cref="AdminSettingsService"/>, which checks the
/// Admin policy on the server. Changes by other Admins reload the page through the notifier.
/// </summary>
public partial class AdminPage : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private AdminPageModel? _model;
    private string? _loadError;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;
    private bool _busy;
    private IDisposable? _subscription;
    private bool _disposed;

    [Inject] public required AdminPageLoader Loader { get; init; }
    [Inject] public required AdminSettingsService AdminSettings { get; init; }
    [Inject] public required SettingsChangeNotifier Changes { get; init; }
    [Inject] public required ILogger<AdminPage> Logger { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Changes.Subscribe(OnSettingsChanged);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _model = await Loader.LoadAsync(_lifetime.Token);
            _loadError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Could not load the Admin page");
            _loadError = "The settings could not be loaded (the error is logged). Reload the page to try again.";
        }
    }

    private void OnSettingsChanged()
    {
        // Called on the thread that saved the change: hop onto this circuit's dispatcher first.
        _ = InvokeAsync(async () =>
        {
            // While this page saves, the change is its own: it reloads when the save returns.
            if (_disposed || _busy) return;
            await LoadAsync();
            StateHasChanged();
        });
    }

    private Task SaveScheduleAsync(string schedule) => ApplyAsync(user => AdminSettings.SetScheduleAsync(user, schedule, _lifetime.Token));

    private Task ResetScheduleAsync() => ApplyAsync(user => AdminSettings.ResetScheduleAsync(user, _lifetime.Token));

    private Task SetPausedAsync(bool paused) => ApplyAsync(user => AdminSettings.SetPausedAsync(user, paused, _lifetime.Token));

    private Task SetExcludedAsync(AccountExclusionChange change)
        => ApplyAsync(user => AdminSettings.SetAccountExcludedAsync(user, change.AccountId, change.Excluded, _lifetime.Token));

    private async Task ApplyAsync(Func<ClaimsPrincipal, Task<SettingsUpdateResult>> change)
    {
        _busy = true;
        try
        {
            var user = (await AuthenticationState).User;
            var result = await change(user);
            _notice = result.Message;
            _noticeSeverity = result.Outcome switch
            {
                SettingsUpdateOutcome.Saved => Severity.Success,
                SettingsUpdateOutcome.Unchanged => Severity.Info,
                _ => Severity.Error,
            };
            if (result.Outcome == SettingsUpdateOutcome.Saved) await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _lifetime.Cancel();
        _lifetime.Dispose();
    }
}

/// <summary>An Admin's request to take an account out of syncing or put it back.</summary>
public sealed record AccountExclusionChange(string AccountId, bool Excluded);
