using Dashboard.Aws.SecurityHub;
using Dashboard.Web.Findings.Workflow;

namespace Dashboard.Web.Tests.Workflow;

/// <summary>Security Hub as a workflow update sees it: records every call and answers as told (by default, everything processed).</summary>
public sealed class FakeWorkflowGateway : IWorkflowUpdateGateway
{
    private readonly List<GatewayCall> _calls = [];

    public IReadOnlyList<GatewayCall> Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    /// <summary>The answer to a call; may throw to play a failed call.</summary>
    public Func<GatewayCall, BatchUpdateFindingsResult> Respond { get; set; } = ProcessAll;

    public Task<BatchUpdateFindingsResult> BatchUpdateFindingsAsync(string accountId, string region, BatchUpdateFindingsRequest request, CancellationToken ct)
    {
        var call = new GatewayCall(accountId, region, request);
        lock (_calls) _calls.Add(call);
        return Task.FromResult(Respond(call));
    }

    public static BatchUpdateFindingsResult ProcessAll(GatewayCall call) => new(call.Request.FindingIdentifiers, [], 0);
}

public sealed record GatewayCall(string AccountId, string Region, BatchUpdateFindingsRequest Request);
