using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Dashboard.Aws.Client;

/// <summary>
/// Sits just outside the SDK's RetryHandler and copies the request context's retry count onto the
/// response (or, on failure, into the exception's Data under <see cref="RetriesKey"/>), so a sync run can
/// report how many retries AWS throttling or 5xx cost it.
/// </summary>
public sealed class RetryCountHandler : PipelineHandler
{
    public const string RetriesKey = "Dashboard.Aws.Retries";

    public override void InvokeSync(IExecutionContext executionContext)
    {
        try
        {
            base.InvokeSync(executionContext);
            Record(executionContext);
        }
        catch (Exception ex)
        {
            ex.Data[RetriesKey] = executionContext.RequestContext.Retries;
            throw;
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            Record(executionContext);
            return response;
        }
        catch (Exception ex)
        {
            ex.Data[RetriesKey] = executionContext.RequestContext.Retries;
            throw;
        }
    }

    private static void Record(IExecutionContext executionContext)
    {
        if (executionContext.ResponseContext.Response is AwsRawResponse raw)
            raw.Retries = executionContext.RequestContext.Retries;
    }
}
