using System.Text.Json.Nodes;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Dashboard.StandIn.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Dashboard.StandIn.SecurityHub;

/// <summary>
/// Security Hub's GetFindings (POST /findings) and BatchUpdateFindings (PATCH /findings/batchupdate) in
/// REST-JSON. The caller sees its own account's findings in the signed Region; the management account,
/// acting as the delegated administrator, sees every member account's findings of that Region.
/// </summary>
internal sealed partial class SecurityHubService(
    StandInDataSet data,
    StandInFaults faults,
    RateLimiter? rateLimiter,
    TimeProvider clock,
    ILogger logger) : IStandInService
{
    private static readonly byte[] FindingsOpen = "{\"Findings\":["u8.ToArray();

    private readonly PageSnapshots snapshots = new();

    public string SigningName => "securityhub";

    public Task WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        AwsErrors.WriteJsonAsync(context, status, code, message);

    public async Task HandleAsync(StandInRequest request, CancellationToken cancellationToken)
    {
        var http = request.Http;
        var operation = (http.Request.Method, http.Request.Path.Value) switch
        {
            (var m, "/findings") when HttpMethods.IsPost(m) => "GetFindings",
            (var m, "/findings/batchupdate") when HttpMethods.IsPatch(m) => "BatchUpdateFindings",
            _ => null,
        };
        if (operation is null)
        {
            await WriteErrorAsync(http, 404, "UnknownOperationException", $"The local stand-in serves only GetFindings (POST /findings) and BatchUpdateFindings (PATCH /findings/batchupdate) for Security Hub, not {http.Request.Method} {http.Request.Path}.");
            return;
        }

        try
        {
            var body = await ReadBodyAsync(http.Request, cancellationToken);
            if (operation == "GetFindings")
            {
                await GetFindingsAsync(request, body, cancellationToken);
            }
            else
            {
                await BatchUpdateFindingsAsync(request, body, cancellationToken);
            }
        }
        catch (SecurityHubException ex)
        {
            logger.LogDebug("{Operation} as {Account} in {Region}: {Status} {ErrorType}", operation, request.Caller.AccountId, request.Scope.Region, ex.Status, ex.ErrorType);
            await WriteErrorAsync(http, ex.Status, ex.ErrorType, ex.Message);
        }
    }

    /// <summary>What every operation checks first, in AWS's order: subscribed, authorized, within quota, then the injected faults.</summary>
    private CallerScope Admit(StandInRequest request, string operation, RateLimiter? limiter)
    {
        var caller = request.Caller;
        var region = request.Scope.Region;
        var regionIndex = data.RegionIndex(region);
        var accountIndex = data.AccountIndex(caller.AccountId);
        if (regionIndex < 0 || accountIndex < 0)
        {
            throw new SecurityHubException(401, "InvalidAccessException", $"Account {caller.AccountId} is not subscribed to AWS Security Hub in {region}.");
        }

        if (faults.IsDenied(caller.AccountId))
        {
            throw new SecurityHubException(403, "AccessDeniedException", $"User: {caller.Arn} is not authorized to perform: securityhub:{operation} on resource: arn:aws:securityhub:{region}:{caller.AccountId}:hub/default");
        }

        if (faults.TryConsume(StandInFaultKind.Throttle, caller.AccountId) || limiter?.TryAcquire(caller.AccountId, region) == false)
        {
            throw new SecurityHubException(429, "TooManyRequestsException", "Rate exceeded");
        }

        if (faults.TryConsume(StandInFaultKind.ServerError, caller.AccountId))
        {
            throw new SecurityHubException(500, "InternalException", "Internal service error");
        }

        return new CallerScope(caller.IsManagement ? -1 : accountIndex, regionIndex);
    }

    private async Task GetFindingsAsync(StandInRequest request, byte[] body, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        var region = request.Scope.Region;
        var scope = Admit(request, "GetFindings", rateLimiter);
        var query = GetFindingsQuery.Parse(body, clock.GetUtcNow());
        var fingerprint = $"{query.Fingerprint}{scope.AccountIndex:x}r{scope.RegionIndex:x}";
        var (snapshot, offset) = Resolve(query, scope, fingerprint);

        var pageRows = snapshot.Rows.AsSpan(offset, Math.Min(query.MaxResults, snapshot.Rows.Length - offset)).ToArray();
        var next = offset + pageRows.Length;
        var nextToken = next < snapshot.Rows.Length ? PageSnapshots.Encode(snapshot.Id, next, fingerprint) : null;
        var malformedFinding = pageRows.Length > 0 && faults.TryConsume(StandInFaultKind.MalformedFinding, caller.AccountId);

        using var output = new Utf8Output(Math.Max(4096, pageRows.Length * 4096));
        WritePage(output, pageRows, nextToken, malformedFinding ? pageRows.Length / 2 : -1);

        if (faults.TryConsume(StandInFaultKind.MalformedPage, caller.AccountId))
        {
            // A body cut off mid-stream: valid UTF-8, invalid JSON.
            output.Truncate(Math.Max(1, output.Length / 2));
        }

        logger.LogDebug("GetFindings as {Account} in {Region}: {Count} findings, more: {More}", caller.AccountId, region, pageRows.Length, nextToken is not null);
        var response = request.Http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        response.ContentLength = output.Length;
        await response.Body.WriteAsync(output.WrittenMemory, cancellationToken);
    }

    private (PageSnapshot Snapshot, int Offset) Resolve(GetFindingsQuery query, CallerScope scope, string fingerprint)
    {
        if (query.NextToken is null)
        {
            return (snapshots.Add(FindingQueryEngine.Execute(data, query, scope), fingerprint), 0);
        }

        var (id, offset) = PageSnapshots.Decode(query.NextToken, fingerprint);
        if (!snapshots.TryGet(id, out var snapshot))
        {
            // Evicted (or issued before a restart): run the query again on current data and continue.
            snapshot = snapshots.Add(FindingQueryEngine.Execute(data, query, scope), fingerprint);
        }

        if (offset > snapshot!.Rows.Length)
        {
            throw SecurityHubException.InvalidInput("The NextToken is invalid.");
        }

        return (snapshot, offset);
    }

    private void WritePage(Utf8Output output, int[] rows, string? nextToken, int malformedIndex)
    {
        output.Write(FindingsOpen);
        using (data.EnterRead())
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (i > 0)
                {
                    output.Write(","u8);
                }

                if (i == malformedIndex)
                {
                    WriteMalformed(output, rows[i]);
                }
                else
                {
                    data.WriteFinding(rows[i], output);
                }
            }
        }

        output.Write("]"u8);
        if (nextToken is not null)
        {
            output.Write(",\"NextToken\":\""u8);
            output.WriteAscii(nextToken);
            output.Write("\""u8);
        }

        output.Write("}"u8);
    }

    private void WriteMalformed(Utf8Output output, int row)
    {
        // A finding a client must reject: a required attribute missing and a timestamp of the wrong type.
        using var single = new Utf8Output(8192);
        data.WriteFinding(row, single);
        var finding = JsonNode.Parse(single.WrittenSpan)!.AsObject();
        finding.Remove("Title");
        finding["CreatedAt"] = 12345;
        output.WriteString(finding.ToJsonString(JsonText.Options));
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
