using Dashboard.Data.Settings;
using Dashboard.Web.Components.Shared;
using Dashboard.Web.Settings;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Admin;

public partial class SchedulePanel
{
    public const int UpcomingCount = 3;

    private string _draft = "";
    private string? _shownCron;
    private string? _error;
    private IReadOnlyList<DateTimeOffset> _upcoming = [];

    [Parameter, EditorRequired] public required SyncSchedulePlan Plan { get; set; }
    [Parameter, EditorRequired] public required DateTimeOffset Now { get; set; }
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback<string> OnSave { get; set; }
    [Parameter] public EventCallback OnReset { get; set; }
    [Parameter] public EventCallback<bool> OnPausedChanged { get; set; }

    private bool CanSave => !Busy && _error is null && SyncScheduleRules.Normalize(_draft) != Plan.Cron;

    private string StatusText
    {
        get
        {
            var from = Plan.Source == ScheduleSource.Stored && Plan.StoredBy is { } by
                ? $"set on this page ({by.ChangedBy}, {DisplayText.Time(by.ChangedAt)})"
                : "from configuration (Dashboard:SyncSchedule)";
            return Plan.IsOff ? $"Scheduled syncs are off, {from}." : $"Scheduled syncs run \"{Plan.Cron}\" (UTC), {from}.";
        }
    }

    protected override void OnParametersSet()
    {
        // A schedule saved (here or by another Admin) replaces the draft; typing in progress otherwise stays.
        if (_shownCron != Plan.Cron)
        {
            _shownCron = Plan.Cron;
            _draft = Plan.Cron;
        }
        Evaluate();
    }

    private void OnDraftChanged(string? value)
    {
        _draft = value ?? "";
        Evaluate();
    }

    private void Evaluate()
    {
        _error = SyncScheduleRules.Validate(_draft, Now);
        _upcoming = _error is null ? SyncScheduleRules.NextOccurrences(_draft, Now, UpcomingCount) : [];
    }

    private Task SaveAsync() => CanSave ? OnSave.InvokeAsync(_draft) : Task.CompletedTask;

    private Task TurnOffAsync() => OnSave.InvokeAsync("");
}
