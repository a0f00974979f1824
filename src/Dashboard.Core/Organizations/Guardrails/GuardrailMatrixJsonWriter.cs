using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// <c>org guardrails --format json</c>: the guardrails, one entry per account with its cells (status,
/// summary, deciding SCPs, exceptions, uncertain reasons, Regions), and the coverage per root and OU.
/// </summary>
public static class GuardrailMatrixJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToJson(GuardrailMatrix matrix, bool indented = true, bool includeChecks = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(matrix, writer, indented, includeChecks);
        return writer.ToString();
    }

    /// <param name="includeChecks">Also write every evaluated test request (one per Region for Region guardrails).</param>
    public static void Write(GuardrailMatrix matrix, TextWriter output, bool indented = true, bool includeChecks = false)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
        {
            json.WriteStartObject();
            json.WriteString("organizationId", matrix.Snapshot.Organization.Id);
            json.WriteString("managementAccountId", matrix.Snapshot.ManagementAccountId);
            WriteGuardrails(json, matrix);
            json.WriteStartArray("accounts");
            foreach (var row in matrix.Rows) WriteRow(json, row, includeChecks);
            json.WriteEndArray();
            WriteCoverage(json, matrix);
            json.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteGuardrails(Utf8JsonWriter json, GuardrailMatrix matrix)
    {
        json.WriteStartArray("guardrails");
        foreach (var guardrail in matrix.Guardrails)
        {
            json.WriteStartObject();
            json.WriteString("id", guardrail.Id);
            json.WriteString("title", guardrail.Title);
            json.WriteString("category", guardrail.Category);
            json.WriteString("description", guardrail.Description);
            json.WriteString("protectedWhen", guardrail.ProtectedWhen.ToString());
            json.WriteStartArray("requests");
            foreach (var request in guardrail.Requests)
            {
                json.WriteStartObject();
                json.WriteString("principal", request.Principal.ToString());
                json.WriteString("action", request.Action);
                json.WriteString("resource", request.Resource);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter json, GuardrailAccountRow row, bool includeChecks)
    {
        json.WriteStartObject();
        json.WriteString("accountId", row.AccountId);
        json.WriteString("name", row.AccountName);
        json.WriteString("status", row.AccountStatus);
        json.WriteString("parentId", row.ParentId);
        json.WriteString("path", row.Path);
        json.WriteBoolean("managementAccount", row.IsManagementAccount);
        json.WriteString("homeRegion", row.HomeRegion);
        json.WriteStartArray("cells");
        foreach (var cell in row.Cells) WriteCell(json, cell, includeChecks);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCell(Utf8JsonWriter json, GuardrailCell cell, bool includeChecks)
    {
        json.WriteStartObject();
        json.WriteString("guardrailId", cell.GuardrailId);
        json.WriteString("status", cell.Status.ToString());
        json.WriteString("summary", cell.Summary);
        json.WriteStartArray("deciders");
        foreach (var decider in cell.Deciders)
        {
            json.WriteStartObject();
            json.WriteString("kind", decider.Kind.ToString());
            json.WriteString("targetId", decider.TargetId);
            json.WriteString("level", decider.Level);
            if (decider.PolicyId is not null) json.WriteString("policyId", decider.PolicyId);
            if (decider.PolicyName is not null) json.WriteString("policyName", decider.PolicyName);
            if (decider.Sid is not null) json.WriteString("sid", decider.Sid);
            if (decider.StatementIndex is { } index) json.WriteNumber("statementIndex", index);
            json.WriteString("text", decider.Describe());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("exceptions");
        foreach (var exception in cell.Exceptions)
        {
            json.WriteStartObject();
            json.WriteString("principal", exception.Principal);
            json.WriteString("exampleArn", exception.ExampleArn);
            json.WriteString("condition", exception.Condition);
            if (exception.Statement is not null) json.WriteString("statement", exception.Statement.Describe());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteStrings(json, "uncertainReasons", cell.UncertainReasons);
        if (cell.DeniedRegions.Count > 0 || cell.NotDeniedRegions.Count > 0)
        {
            WriteStrings(json, "deniedRegions", cell.DeniedRegions);
            WriteStrings(json, "notDeniedRegions", cell.NotDeniedRegions);
            WriteStrings(json, "allowedRegions", cell.AllowedRegions);
            if (cell.AllowedRegionsBasis is not null) json.WriteString("allowedRegionsFrom", cell.AllowedRegionsBasis);
        }

        if (includeChecks)
        {
            json.WriteStartArray("checks");
            foreach (var check in cell.Checks)
            {
                json.WriteStartObject();
                json.WriteString("principal", check.Principal);
                json.WriteString("action", check.Action);
                json.WriteString("resource", check.Resource);
                json.WriteString("region", check.Region);
                json.WriteString("decision", check.Decision.ToString());
                json.WriteBoolean("denied", check.IsDenied);
                json.WriteBoolean("uncertain", check.IsUncertain);
                json.WriteString("summary", check.Summary);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteCoverage(Utf8JsonWriter json, GuardrailMatrix matrix)
    {
        json.WriteStartArray("coverage");
        foreach (var node in matrix.Coverage())
        {
            json.WriteStartObject();
            json.WriteString("targetId", node.TargetId);
            json.WriteString("kind", node.Kind.ToString());
            json.WriteString("name", node.Name);
            json.WriteNumber("depth", node.Depth);
            json.WriteNumber("accounts", node.AccountCount);
            json.WriteStartObject("guardrails");
            foreach (var (id, counts) in node.ByGuardrail)
            {
                json.WriteStartObject(id);
                json.WriteNumber("protected", counts.Protected);
                json.WriteNumber("protectedWithExceptions", counts.ProtectedWithExceptions);
                json.WriteNumber("notProtected", counts.NotProtected);
                json.WriteNumber("uncertain", counts.Uncertain);
                json.WriteNumber("notApplicable", counts.NotApplicable);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
