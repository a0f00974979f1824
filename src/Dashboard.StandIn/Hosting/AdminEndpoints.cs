using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Faults;
using Microsoft.AspNetCore.Http;

namespace Dashboard.StandIn.Hosting;

/// <summary>
/// Unsigned endpoints under /_standin for tests, benchmarks and people driving a stand-in in another
/// process: GET /_standin (what is served), GET|POST /_standin/faults, POST /_standin/findings/touch,
/// /_standin/findings/workflow and /_standin/findings/add. Real AWS has no such paths.
/// </summary>
internal sealed class AdminEndpoints(StandInDataSet data, StandInFaults faults, Func<Uri?> baseUrl, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimEnd('/') ?? string.Empty;
        var post = HttpMethods.IsPost(context.Request.Method);
        try
        {
            object? result = (path, post) switch
            {
                ("/_standin", false) => Describe(),
                ("/_standin/faults", false) => faults.Snapshot(),
                ("/_standin/faults", true) => ApplyFaults(await ReadBodyAsync(context)),
                ("/_standin/findings/touch", true) => Touch(await ReadObjectAsync(context)),
                ("/_standin/findings/workflow", true) => SetWorkflow(await ReadObjectAsync(context)),
                ("/_standin/findings/add", true) => Add(await ReadObjectAsync(context)),
                _ => null,
            };

            if (result is null)
            {
                await WriteAsync(context, 404, new { message = $"No stand-in endpoint {context.Request.Method} {path}." });
                return;
            }

            await WriteAsync(context, 200, result);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            await WriteAsync(context, 400, new { message = ex.Message });
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !context.Response.HasStarted)
        {
            await WriteAsync(context, 500, new { message = "The stand-in failed: " + ex.Message });
        }
    }

    private object Describe() => new
    {
        baseUrl = baseUrl()?.ToString(),
        seed = data.Seed,
        anchor = data.Anchor,
        findings = data.Count,
        version = data.Version,
        organization = new
        {
            id = data.Organization.Id,
            rootId = data.Organization.RootId,
            managementAccountId = data.Organization.ManagementAccountId,
            accounts = data.Organization.Accounts,
        },
        regions = data.Regions,
        faults = faults.Snapshot(),
    };

    private StandInFaultState ApplyFaults(string body)
    {
        var command = JsonSerializer.Deserialize(body, FaultCommandJson.Default.FaultCommand)
            ?? throw new ArgumentException("The faults body must be a JSON object, e.g. {\"throttleNext\": 2}.");
        command.ApplyTo(faults);
        return faults.Snapshot();
    }

    private object Touch(JsonObject body)
    {
        var fraction = Number(body, "fraction");
        var now = body["now"] is { } nowNode ? nowNode.GetValue<DateTimeOffset>() : clock.GetUtcNow();
        return new { touched = data.TouchFindings(fraction, now) };
    }

    private object SetWorkflow(JsonObject body)
    {
        var status = body["status"]?.GetValue<string>() ?? throw new ArgumentException("'status' is required (NEW, NOTIFIED, SUPPRESSED or RESOLVED).");
        if (body["ids"] is JsonArray ids)
        {
            var findingIds = ids.Select(i => i is JsonValue id && id.GetValueKind() == JsonValueKind.String
                ? id.GetValue<string>()
                : throw new ArgumentException("'ids' must be a list of finding Id strings.")).ToList();
            return new { changed = data.SetWorkflowStatusWithoutUpdatedAt(findingIds, status) };
        }

        return new { changed = data.SetWorkflowStatusWithoutUpdatedAt(Number(body, "fraction"), status) };
    }

    private object Add(JsonObject body)
    {
        data.AddFindings((int)Number(body, "count"));
        return new { findings = data.Count };
    }

    private static double Number(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<double>(out var number)
            ? number
            : throw new ArgumentException($"'{name}' is required and must be a number.");

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context) =>
        JsonNode.Parse(await ReadBodyAsync(context)) as JsonObject ?? throw new ArgumentException("The body must be a JSON object.");

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(body) ? "{}" : body;
    }

    private static Task WriteAsync(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(value, Json), context.RequestAborted);
    }
}
