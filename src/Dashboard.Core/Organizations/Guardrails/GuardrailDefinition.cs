using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>Who makes a guardrail's test request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GuardrailPrincipal>))]
public enum GuardrailPrincipal
{
    /// <summary>
    /// An ordinary administrator of the member account: a role (named by
    /// <see cref="GuardrailOptions.ProbeRoleName"/>) with AdministratorAccess, so only SCPs can stop it.
    /// </summary>
    Administrator,

    /// <summary>The member account's root user (SCPs restrict it; they do not restrict the management account's).</summary>
    MemberRoot,
}

/// <summary>What counts as protected.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GuardrailProtection>))]
public enum GuardrailProtection
{
    /// <summary>Every test request is denied, in the account's home Region.</summary>
    AllDenied,

    /// <summary>
    /// The test requests are denied in every candidate Region outside the allowed Regions: those of
    /// <see cref="GuardrailOptions.AllowedRegions"/>, else those the account's SCPs name (RegionIntent);
    /// with neither, the guardrail is not protected (nothing says which open Regions are intended).
    /// </summary>
    DeniedOutsideAllowedRegions,
}

/// <summary>
/// One request a guardrail makes, e.g. <c>cloudtrail:StopLogging</c> on the organization trail. Resource
/// and context values may hold placeholders: <c>{account}</c>, <c>{partition}</c>, <c>{region}</c>,
/// <c>{auditRole}</c> and <c>{trail}</c> (see <see cref="GuardrailOptions"/>). Unless the context names
/// <c>aws:RequestedRegion</c>, the request is made in the account's home Region.
/// </summary>
public sealed record GuardrailTestRequest
{
    public required string Action { get; init; }

    public string Resource { get; init; } = "*";

    public GuardrailPrincipal Principal { get; init; } = GuardrailPrincipal.Administrator;

    /// <summary>Request context keys, e.g. <c>aws:RequestedRegion = us-east-1</c> for a global service.</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// A guardrail as data: what it protects, the requests that would break it, and what counts as protected.
/// Coverage is computed by evaluating the requests through each account's SCPs, never by reading policy text.
/// </summary>
public sealed partial record GuardrailDefinition
{
    /// <summary>The placeholders test requests may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{account}", "{partition}", "{region}", "{auditRole}", "{trail}"];

    /// <summary>Short, stable, lowercase id such as <c>cloudtrail</c> (used in CSV, JSON and URLs).</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string Category { get; init; }

    /// <summary>Why it matters, one or two sentences.</summary>
    public string Description { get; init; } = string.Empty;

    public required IReadOnlyList<GuardrailTestRequest> Requests { get; init; }

    public GuardrailProtection ProtectedWhen { get; init; } = GuardrailProtection.AllDenied;

    /// <summary>Problems that make the definition unusable, each naming the guardrail and the field; empty when fine.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var name = string.IsNullOrWhiteSpace(Id) ? "a guardrail without id" : $"guardrail '{Id}'";
        if (string.IsNullOrWhiteSpace(Id) || !IdPattern().IsMatch(Id))
            problems.Add($"{name}: id must be lowercase letters, digits and dashes (e.g. leave-organization).");
        if (string.IsNullOrWhiteSpace(Title)) problems.Add($"{name}: title is empty.");
        if (string.IsNullOrWhiteSpace(Category)) problems.Add($"{name}: category is empty.");
        if (Requests is null || Requests.Count == 0)
        {
            problems.Add($"{name}: needs at least one test request.");
            return problems;
        }

        for (var i = 0; i < Requests.Count; i++)
        {
            var request = Requests[i];
            var where = $"{name}, request {i + 1}";
            if (request is null)
            {
                problems.Add($"{where}: is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(request.Action) || !ActionPattern().IsMatch(request.Action))
                problems.Add($"{where}: action '{request.Action}' is not service:ActionName without wildcards (e.g. cloudtrail:StopLogging).");
            if (string.IsNullOrWhiteSpace(request.Resource))
                problems.Add($"{where}: resource is empty (use * for actions without resource-level permissions).");
            else
                problems.AddRange(UnknownPlaceholders(request.Resource).Select(p => $"{where}: resource uses unknown placeholder {p} (known: {string.Join(", ", Placeholders)})."));

            foreach (var (key, value) in request.Context ?? new Dictionary<string, string>())
            {
                if (string.IsNullOrWhiteSpace(key)) problems.Add($"{where}: a context key is empty.");
                problems.AddRange(UnknownPlaceholders(value ?? string.Empty).Select(p => $"{where}: context {key} uses unknown placeholder {p}."));
            }
        }

        return problems;
    }

    private static IEnumerable<string> UnknownPlaceholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Where(p => !Placeholders.Contains(p, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9-]+:[A-Za-z0-9]+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
