using Dashboard.Data.Findings;
using Dashboard.Web.Findings.Workflow;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Workflow;

public partial class FindingWorkflowPanel
{
    public const int HistoryLimit = 50;

    private IReadOnlyList<FindingWorkflowHistoryEntry> _history = [];
    private string? _notice;
    private Severity _noticeSeverity = Severity.Success;

    [Inject] public required FindingWorkflowQueries Queries { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }

    [Parameter, EditorRequired] public FindingRow Finding { get; set; } = default!;

    /// <summary>Raised after an update went through, so the page reloads the finding from the cache.</summary>
    [Parameter] public EventCallback OnUpdated { get; set; }

    private FindingKey Key => new(Finding.Id, Finding.ProductArn);

    protected override async Task OnParametersSetAsync()
        => _history = await Queries.GetHistoryAsync(Key, HistoryLimit);

    private async Task OpenDialogAsync()
    {
        var parameters = new DialogParameters<WorkflowUpdateDialog>
        {
            { d => d.Finding, Key },
            { d => d.CurrentStatus, Finding.WorkflowStatus },
        };
        var dialog = await Dialogs.ShowAsync<WorkflowUpdateDialog>("Update workflow", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var closed = await dialog.Result;
        if (closed is null || closed.Canceled || closed.Data is not WorkflowUpdateResult result) return;

        _notice = result.Message;
        _noticeSeverity = result.Outcome == WorkflowUpdateOutcome.Updated ? Severity.Success : Severity.Warning;
        _history = await Queries.GetHistoryAsync(Key, HistoryLimit);
        await OnUpdated.InvokeAsync();
    }
}
