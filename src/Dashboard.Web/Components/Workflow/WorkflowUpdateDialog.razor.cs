using Dashboard.Data.Findings;
using Dashboard.Web.Findings.Workflow;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Dashboard.Web.Components.Workflow;

public partial class WorkflowUpdateDialog
{
    private string _status = "";
    private string? _note;
    private string? _error;
    private bool _submitting;

    [Inject] public required FindingWorkflowService Workflow { get; init; }

    [CascadingParameter] public required IMudDialogInstance Dialog { get; set; }

    [CascadingParameter] public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired] public FindingKey Finding { get; set; } = default!;

    [Parameter] public string? CurrentStatus { get; set; }

    private bool CanSubmit => !_submitting && !string.IsNullOrWhiteSpace(_note) && FindingWorkflowService.Statuses.Contains(_status);

    protected override void OnInitialized()
    {
        // Start from a change: the current status is rarely the one wanted.
        _status = CurrentStatus == "RESOLVED" ? "NOTIFIED" : "RESOLVED";
    }

    private async Task SubmitAsync()
    {
        if (!CanSubmit) return;
        _submitting = true;
        _error = null;
        try
        {
            if (AuthenticationState is null)
            {
                _error = "Sign in again: this page has no signed-in user.";
                return;
            }
            var user = (await AuthenticationState).User;
            var result = await Workflow.UpdateAsync(user, [Finding], _status, _note ?? "", CancellationToken.None);
            if (result.Succeeded) Dialog.Close(DialogResult.Ok(result));
            else _error = result.Message;
        }
        finally
        {
            _submitting = false;
        }
    }

    private void Cancel() => Dialog.Cancel();
}
