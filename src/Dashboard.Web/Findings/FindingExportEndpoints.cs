using System.Text;
using Dashboard.Web.Findings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Dashboard.Web.Findings;

/// <summary>GET /findings/export.csv and /findings/export.json with the findings page's query string.</summary>
public static class FindingExportEndpoints
{
    public static IEndpointConventionBuilder MapFindingExport(this IEndpointRouteBuilder endpoints)
    {
        // Exports take the whole filtered cache out of the dashboard: Analysts and Admins only.
        var group = endpoints.MapGroup("").RequireAuthorization(Security.DashboardPolicies.Analyst);
        group.MapGet(FindingLinks.ExportCsvPath, ExportCsvAsync).WithName("ExportFindingsCsv");
        group.MapGet(FindingLinks.ExportJsonPath, ExportJsonAsync).WithName("ExportFindingsJson");
        return group;
    }

    private static async Task ExportCsvAsync(HttpContext context, FindingExporter exporter, TimeProvider clock)
    {
        if (!TryReadFilter(context, out var filter, out var problem))
        {
            await problem.ExecuteAsync(context);
            return;
        }
        SetAttachment(context, "text/csv; charset=utf-8", FileName(clock, "csv"));
        await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await exporter.WriteCsvAsync(filter, writer, context.RequestAborted);
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task ExportJsonAsync(HttpContext context, FindingExporter exporter, TimeProvider clock)
    {
        if (!TryReadFilter(context, out var filter, out var problem))
        {
            await problem.ExecuteAsync(context);
            return;
        }
        SetAttachment(context, "application/json; charset=utf-8", FileName(clock, "json"));
        await exporter.WriteJsonAsync(filter, context.Response.Body, context.RequestAborted);
    }

    /// <summary>A malformed query is a 400 naming what was wrong, not a silently different export.</summary>
    private static bool TryReadFilter(HttpContext context, out Core.Findings.FindingFilter filter, out IResult problem)
    {
        var parsed = FindingLinks.ParseQuery(context.Request.Query);
        filter = parsed.Filter;
        problem = Results.Problem(
            title: "Invalid findings filter",
            detail: "Fix the query string: " + string.Join("; ", parsed.Warnings),
            statusCode: StatusCodes.Status400BadRequest);
        return parsed.Warnings.Count == 0;
    }

    private static void SetAttachment(HttpContext context, string contentType, string fileName)
    {
        context.Response.ContentType = contentType;
        context.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        // The export reflects the cache at request time; never serve a stale copy.
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
    }

    private static string FileName(TimeProvider clock, string extension)
        => $"findings-{clock.GetUtcNow():yyyyMMdd-HHmmss}.{extension}";
}
