using System.Text.Json.Nodes;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// One account's IAM as the stand-in serves it: the authorization details in five sections (the order
/// GetAccountAuthorizationDetails pages through them), the password policy (null: NoSuchEntity), the
/// account summary, the credential report's CSV and the state of its generation.
/// </summary>
internal sealed class IamAccount
{
    public IamAccount(string accountId, JsonObject content, JsonObject? passwordPolicy, IReadOnlyDictionary<string, long> summary, string credentialReportCsv, string source)
    {
        AccountId = accountId;
        var policies = content["Policies"]!.AsArray().OfType<JsonObject>().ToList();
        IEnumerable<JsonObject>[] sections =
        [
            content["UserDetailList"]!.AsArray().OfType<JsonObject>(),
            content["GroupDetailList"]!.AsArray().OfType<JsonObject>(),
            content["RoleDetailList"]!.AsArray().OfType<JsonObject>(),
            policies.Where(p => !IsAwsManaged(p)),
            policies.Where(IsAwsManaged),
        ];

        // Rendered once: requests only splice strings, so concurrent requests never touch the JSON nodes.
        Sections = [.. sections.Select(items => (IReadOnlyList<string>)[.. items.Select(item => IamXml.Fragment("member", item))])];
        Users = [.. content["UserDetailList"]!.AsArray().OfType<JsonObject>().Select(u => u["UserName"]!.GetValue<string>())];
        PasswordPolicyXml = passwordPolicy is null ? null : IamXml.Fragment("PasswordPolicy", passwordPolicy);
        Summary = summary;
        SummaryXml = IamXml.Fragment("SummaryMap", new JsonObject(summary.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)JsonValue.Create(s.Value)))));
        CredentialReportCsv = credentialReportCsv;
        Source = source;
    }

    public string AccountId { get; }

    /// <summary>User, Group, Role, LocalManagedPolicy, AWSManagedPolicy (the filter values, in paging order): each item's &lt;member&gt; XML.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Sections { get; }

    public IReadOnlyList<string> Users { get; }

    /// <summary>The &lt;PasswordPolicy&gt; element, or null when the account has none (NoSuchEntity).</summary>
    public string? PasswordPolicyXml { get; }

    public IReadOnlyDictionary<string, long> Summary { get; }

    public string SummaryXml { get; }

    public string CredentialReportCsv { get; }

    /// <summary>What the account was built from (a seed dump, a loaded file, or "generated").</summary>
    public string Source { get; }

    public CredentialReportJob CredentialReport { get; } = new();

    public static bool IsAwsManaged(JsonObject policy) =>
        policy["Arn"]?.GetValue<string>().StartsWith("arn:aws:iam::aws:policy/", StringComparison.Ordinal) == true;
}

/// <summary>
/// The credential report's generation, per account, as IAM runs it: GenerateCredentialReport answers
/// STARTED, then INPROGRESS, then COMPLETE on later calls; GetCredentialReport answers ReportNotPresent
/// before the first report, ReportInProgress while one is generated, and the report otherwise. A report
/// younger than 4 hours is not regenerated. The stand-in lets a report expire after a day (ReportExpired).
/// </summary>
internal sealed class CredentialReportJob
{
    public static readonly TimeSpan Regenerate = TimeSpan.FromHours(4);
    public static readonly TimeSpan Expiry = TimeSpan.FromHours(24);

    private readonly Lock gate = new();
    private DateTimeOffset? generatedAt;
    private int callsUntilReady = -1;

    public enum Outcome
    {
        Ready,
        NotPresent,
        Expired,
        InProgress,
    }

    public (string State, string? Description) Generate(DateTimeOffset now)
    {
        lock (gate)
        {
            if (callsUntilReady >= 0)
            {
                return Advance(now) ? ("INPROGRESS", "Report generation in progress") : ("COMPLETE", null);
            }

            if (generatedAt is { } last && now - last < Regenerate)
            {
                // IAM makes at most one report per 4 hours: the recent one stands.
                return ("COMPLETE", null);
            }

            callsUntilReady = 1;
            return ("STARTED", generatedAt is null
                ? "No report exists. Starting a new report generation task"
                : "The report is older than 4 hours. Starting a new report generation task");
        }
    }

    public (Outcome Outcome, DateTimeOffset? GeneratedAt) Get(DateTimeOffset now)
    {
        lock (gate)
        {
            if (callsUntilReady >= 0 && Advance(now))
            {
                return (Outcome.InProgress, null);
            }

            if (generatedAt is not { } last)
            {
                return (Outcome.NotPresent, null);
            }

            return now - last > Expiry ? (Outcome.Expired, last) : (Outcome.Ready, last);
        }
    }

    /// <summary>Moves a running generation on by one call; true while it is still running.</summary>
    private bool Advance(DateTimeOffset now)
    {
        if (callsUntilReady < 0)
        {
            return false;
        }

        if (callsUntilReady == 0)
        {
            callsUntilReady = -1;
            generatedAt = now;
            return false;
        }

        callsUntilReady--;
        return true;
    }
}
