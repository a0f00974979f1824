using Dashboard.Core.Sync;
using Dashboard.Data.Sync;
using Dashboard.Web.Security;
using Dashboard.Web.Sync;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages;

/// <summary>Sync history, live progress pushed by the notifier, and "Sync now".</summary>
public partial class SyncPage : IDisposable
{
    public const int RecentRunCount = 20;

    private IReadOnlyList<SyncRunSummary>? _runs;
    private SyncProgress _progress = SyncProgress.Idle;
    private IDisposable? _subscription;
    private DateTimeOffset _now;
    private string? _notice;
    private Severity _noticeSeverity = Severity.Info;
    private bool _disposed;

    [Inject] public required SyncRunStore SyncRuns { get; init; }
    [Inject] public required SyncProgressNotifier Notifier { get; init; }
    [Inject] public required ISyncTrigger Trigger { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }
    [Inject] public required ActionAuthorizer Actions { get; init; }
    [Inject] public required ILogger<SyncPage> Logger { get; init; }
    [CascadingParameter] public required Task<AuthenticationState> AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _progress = Notifier.Current;
        _subscription = Notifier.Subscribe(OnProgress);
        await LoadRunsAsync();
    }

    private async Task LoadRunsAsync()
    {
        _runs = await SyncRuns.GetRecentRunsAsync(RecentRunCount);
        _now = Clock.GetUtcNow();
    }

    private void OnProgress(SyncProgress progress)
    {
        // Called on the sync's thread: hop onto the circuit's dispatcher before touching state.
        _ = InvokeAsync(async () =>
        {
            // A push can race the page closing: a disposed page neither queries nor renders.
            if (_disposed) return;
            var finished = _progress.IsRunning && !progress.IsRunning;
            var started = !_progress.IsRunning && progress.IsRunning;
            _progress = progress;
            if (finished || started)
            {
                // A run started or ended: its row (status, counts, targets) changed in the store.
                await LoadRunsAsync();
            }
            StateHasChanged();
        });
    }

    private async Task SyncNowAsync()
    {
        var user = (await AuthenticationState).User;
        if (!await Actions.IsAllowedAsync(user, DashboardPolicies.Admin, "Sync now"))
        {
            _notice = "Only an Admin can start a sync.";
            _noticeSeverity = Severity.Error;
            return;
        }
        Logger.LogInformation("Sync now requested by {User}", CognitoClaims.DisplayName(user));
        if (Trigger.TryStart("manual"))
        {
            _notice = "Sync started. Progress shows below.";
            _noticeSeverity = Severity.Success;
        }
        else
        {
            _notice = "A sync is already running; wait for it to finish.";
            _noticeSeverity = Severity.Warning;
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
