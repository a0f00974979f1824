using System.Globalization;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;

namespace Dashboard.Core.Tests.Iam.Access;

/// <summary>Builds small IAM account snapshots for the access and risk tests.</summary>
internal sealed class AccountBuilder
{
    public const string Account = "111122223333";
    public const string CsvHeader =
        "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,"
        + "access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
        + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,"
        + "cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

    private readonly List<IamUser> _users = [];
    private readonly List<IamGroup> _groups = [];
    private readonly List<IamRole> _roles = [];
    private readonly List<IamManagedPolicy> _policies = [];
    private readonly List<string> _reportRows = [];
    private IamPasswordPolicyStatus _passwordStatus = IamPasswordPolicyStatus.NotCollected;
    private IamPasswordPolicy? _passwordPolicy;
    private Dictionary<string, long> _summary = new(StringComparer.Ordinal);

    public static string UserArn(string name) => $"arn:aws:iam::{Account}:user/{name}";

    public static string RoleArn(string name) => $"arn:aws:iam::{Account}:role/{name}";

    public static string GroupArn(string name) => $"arn:aws:iam::{Account}:group/{name}";

    public static string PolicyArn(string name) => $"arn:aws:iam::{Account}:policy/{name}";

    public static string RootArn => $"arn:aws:iam::{Account}:root";

    /// <summary>A trust policy allowing sts:AssumeRole for the given principal element (JSON), with an optional condition.</summary>
    public static string Trust(string principal, string? condition = null, string action = "sts:AssumeRole") =>
        $$"""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {{principal}}, "Action": "{{action}}"{{(condition is null ? string.Empty : $", \"Condition\": {condition}")}}}]}""";

    public static string TrustAws(string arn) => Trust($$"""{"AWS": "{{arn}}"}""");

    public static string TrustService(string service) => Trust($$"""{"Service": "{{service}}"}""");

    public AccountBuilder Policy(string name, string json, int attachments = 1, bool awsManaged = false)
    {
        _policies.Add(new IamManagedPolicy
        {
            Arn = awsManaged ? $"arn:aws:iam::aws:policy/{name}" : PolicyArn(name),
            PolicyName = name,
            AttachmentCount = attachments,
            DefaultVersionId = "v1",
            Versions = [new IamPolicyVersion("v1", true, null, new IamPolicyJson(json))],
        });
        return this;
    }

    public AccountBuilder User(string name, string[]? inline = null, string[]? attached = null, string[]? groups = null, string? boundary = null, IReadOnlyList<IamTag>? tags = null)
    {
        _users.Add(new IamUser
        {
            Arn = UserArn(name),
            UserName = name,
            UserId = "AIDA" + name.ToUpperInvariant(),
            InlinePolicies = Inline(inline),
            AttachedPolicies = Attached(attached),
            GroupNames = groups ?? [],
            PermissionsBoundary = boundary is null ? null : new IamPermissionsBoundary(ArnOf(boundary)),
            Tags = tags ?? [],
        });
        return this;
    }

    public AccountBuilder Group(string name, string[]? inline = null, string[]? attached = null)
    {
        _groups.Add(new IamGroup { Arn = GroupArn(name), GroupName = name, InlinePolicies = Inline(inline), AttachedPolicies = Attached(attached) });
        return this;
    }

    public AccountBuilder Role(
        string name,
        string? trust = null,
        string[]? inline = null,
        string[]? attached = null,
        IamRoleLastUsed? lastUsed = null,
        DateTimeOffset? created = null,
        string path = "/",
        string? boundary = null)
    {
        _roles.Add(new IamRole
        {
            Arn = path == "/" ? RoleArn(name) : $"arn:aws:iam::{Account}:role{path}{name}",
            RoleName = name,
            Path = path,
            CreateDate = created,
            TrustPolicy = new IamPolicyJson(trust ?? TrustAws(RootArn)),
            InlinePolicies = Inline(inline),
            AttachedPolicies = Attached(attached),
            LastUsed = lastUsed,
            PermissionsBoundary = boundary is null ? null : new IamPermissionsBoundary(ArnOf(boundary)),
        });
        return this;
    }

    /// <summary>A credential report row: CSV values after the user and ARN columns (20 of them).</summary>
    public AccountBuilder ReportRow(string user, string values)
    {
        var arn = user == CredentialReportRow.RootUserName ? RootArn : UserArn(user);
        _reportRows.Add($"{user},{arn},{values}");
        return this;
    }

    public AccountBuilder PasswordPolicy(IamPasswordPolicy? policy)
    {
        _passwordStatus = policy is null ? IamPasswordPolicyStatus.NoCustomPolicy : IamPasswordPolicyStatus.Custom;
        _passwordPolicy = policy;
        return this;
    }

    public AccountBuilder Summary(string key, long value)
    {
        _summary = new Dictionary<string, long>(_summary, StringComparer.Ordinal) { [key] = value };
        return this;
    }

    public IamAccountSnapshot Build() => new()
    {
        AccountId = Account,
        CollectedAt = RiskClock.Now,
        Users = [.. _users],
        Groups = [.. _groups],
        Roles = [.. _roles],
        ManagedPolicies = [.. _policies],
        CredentialReport = _reportRows.Count == 0 ? null : CredentialReportParser.Parse(CsvHeader + "\n" + string.Join("\n", _reportRows)),
        PasswordPolicyStatus = _passwordStatus,
        PasswordPolicy = _passwordPolicy,
        AccountSummary = _summary,
    };

    private static IReadOnlyList<IamInlinePolicy> Inline(string[]? documents) =>
        documents is null ? [] : [.. documents.Select((json, i) => new IamInlinePolicy($"inline-{i + 1}", new IamPolicyJson(json)))];

    private IReadOnlyList<IamAttachedPolicy> Attached(string[]? names) =>
        names is null ? [] : [.. names.Select(n => new IamAttachedPolicy(n, ArnOf(n)))];

    private string ArnOf(string policyName) =>
        _policies.FirstOrDefault(p => p.PolicyName == policyName)?.Arn ?? PolicyArn(policyName);
}

/// <summary>The fixed "now" of the risk tests.</summary>
internal sealed class RiskClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static RiskClock Instance { get; } = new();

    public static string DaysAgo(int days) => Now.AddDays(-days).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public override DateTimeOffset GetUtcNow() => Now;
}
