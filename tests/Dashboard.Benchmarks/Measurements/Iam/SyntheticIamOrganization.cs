using System.Globalization;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;

namespace Dashboard.Benchmarks.Measurements.Iam;

/// <summary>
/// A deterministic synthetic organization for the IAM figures of issue 4 §6: N accounts of M principals
/// (40% users, 60% roles), built one account at a time so the analysis never holds the whole organization.
/// Managed policies are the real documents of cloudsplaining's example dump (AWS-managed ones such as
/// ReadOnlyAccess, and the privesc* customer-managed ones rewritten to each account); every principal also
/// gets inline documents of its own, so parsing is paid per principal as in a real account.
/// </summary>
internal sealed class SyntheticIamOrganization
{
    public const string OrganizationId = "o-bench0000001";
    public const string Region = "eu-west-1";
    private const string TemplateAccount = "200611803367";

    private static readonly string[] AwsManagedNames =
    [
        "AdministratorAccess", "ReadOnlyAccess", "ViewOnlyAccess", "PowerUserAccess", "IAMFullAccess",
        "AmazonS3ReadOnlyAccess", "AmazonS3FullAccess", "SecurityAudit", "AmazonEC2FullAccess", "AWSKeyManagementServicePowerUser",
    ];

    private readonly IReadOnlyList<IamManagedPolicy> _awsManaged;
    private readonly IReadOnlyList<IamManagedPolicy> _customerTemplates;
    private readonly DateTimeOffset _now;

    public SyntheticIamOrganization(string templateDumpJson, int accounts, int principalsPerAccount, DateTimeOffset now)
    {
        var template = IamAuthorizationDetailsReader.ReadSnapshot(templateDumpJson, TemplateAccount, now);
        _awsManaged = [.. AwsManagedNames.Select(name => template.ManagedPolicies.FirstOrDefault(p => p.IsAwsManaged && p.PolicyName == name)
            ?? throw new InvalidOperationException($"The template dump has no AWS-managed policy {name}."))];
        // The escalation paths of Rhino Security's list (privesc1…21 and friends) as cloudsplaining ships them.
        _customerTemplates = [.. template.ManagedPolicies.Where(p => !p.IsAwsManaged && p.Arn.Contains(TemplateAccount, StringComparison.Ordinal)).OrderBy(p => p.PolicyName, StringComparer.Ordinal)];
        if (_customerTemplates.Count == 0) throw new InvalidOperationException("The template dump has no customer-managed policies.");
        Accounts = accounts;
        PrincipalsPerAccount = principalsPerAccount;
        _now = now;
        AccountIds = [.. Enumerable.Range(0, accounts).Select(AccountId)];
    }

    public int Accounts { get; }

    public int PrincipalsPerAccount { get; }

    public IReadOnlyList<string> AccountIds { get; }

    public int CustomerManagedPolicies => _customerTemplates.Count;

    public int UsersPerAccount => PrincipalsPerAccount * 2 / 5;

    public int RolesPerAccount => PrincipalsPerAccount - UsersPerAccount;

    public string ManagementAccountId => AccountIds[0];

    public static string AccountId(int index) => (300000000000L + index * 1_000_003L).ToString(CultureInfo.InvariantCulture);

    /// <summary>The analysis settings of the whole organization (its accounts are trusted, account 0 manages it).</summary>
    public RiskAnalysisOptions RiskOptions() => new()
    {
        TrustedAccountIds = [.. AccountIds],
        OrganizationId = OrganizationId,
        ManagementAccountId = ManagementAccountId,
    };

    /// <summary>One account's snapshot, built fresh (its policy documents unparsed).</summary>
    public IamAccountSnapshot BuildAccount(int index)
    {
        var account = AccountId(index);
        var managed = new List<IamManagedPolicy>();
        managed.AddRange(_awsManaged.Select(p => Copy(p, p.Arn, p.DefaultDocument!.Json)));
        managed.AddRange(_customerTemplates.Select(p => Copy(p, p.Arn.Replace(TemplateAccount, account, StringComparison.Ordinal), p.DefaultDocument!.Json.Replace(TemplateAccount, account, StringComparison.Ordinal))));
        var customer = managed.Skip(_awsManaged.Count).ToList();

        var groups = new List<IamGroup>
        {
            Group(account, "admins", [Attach("AdministratorAccess")], []),
            Group(account, "readers", [Attach("ReadOnlyAccess")], []),
            Group(account, "developers", [Attach("PowerUserAccess")], [Inline("no-iam-writes", Deny(["iam:Create*", "iam:Delete*", "iam:Put*", "iam:Attach*"], "*"))]),
            Group(account, "auditors", [Attach("SecurityAudit"), Attach("ViewOnlyAccess")], []),
            Group(account, "data", [Attach("AmazonS3ReadOnlyAccess")], [Inline("data-keys", Allow(["kms:Decrypt", "kms:GenerateDataKey"], $"arn:aws:kms:{Region}:{account}:key/*"))]),
        };

        var users = new List<IamUser>(UsersPerAccount);
        for (var i = 0; i < UsersPerAccount; i++) users.Add(User(account, i, customer));
        var roles = new List<IamRole>(RolesPerAccount);
        for (var j = 0; j < RolesPerAccount; j++) roles.Add(Role(account, index, j, customer));

        return new IamAuthorizationDetails(users, groups, roles, managed, false, null, [])
            .ToSnapshot(account, _now, IamSnapshotSource.Api);
    }

    /// <summary>The SCP chain every account gets: FullAWSAccess plus AWS's documented guardrail examples at the root.</summary>
    public static IReadOnlyList<OrganizationPolicyLevel> ServiceControlPolicies(string sharedDataRoot)
    {
        var folder = Path.Combine(sharedDataRoot, "scp", "awsdocs-organizations");
        PolicyInput Read(string name, string file) => PolicyInput.FromJson(name, File.ReadAllText(Path.Combine(folder, file)));
        var fullAccess = Read("FullAWSAccess", "orgs_manage_policies_scps_strategies-01.json");
        return
        [
            new OrganizationPolicyLevel("Root (r-bench)",
            [
                fullAccess,
                Read("DenyAllOutsideEU", "orgs_manage_policies_scps_examples_general-01.json"),
                Read("DenyAccessToASpecificRole", "orgs_manage_policies_scps_examples_general-02.json"),
                Read("RestrictEC2ForRoot", "orgs_manage_policies_scps_examples_general-05.json"),
            ]),
            new OrganizationPolicyLevel("OU 'Workloads'", [fullAccess]),
            new OrganizationPolicyLevel("Account", [fullAccess]),
        ];
    }

    private IamUser User(string account, int i, List<IamManagedPolicy> customer)
    {
        var name = $"user-{i:D5}";
        var attached = new List<IamAttachedPolicy>();
        var inline = new List<IamInlinePolicy>();
        var groups = new List<string>();
        IamPermissionsBoundary? boundary = null;
        switch (i % 10)
        {
            case 0: // administrators, half through the group
                if (i % 20 == 0) groups.Add("admins");
                else attached.Add(Attach("AdministratorAccess"));
                break;
            case 1: // one escalation path each
                var p = customer[i / 10 % customer.Count];
                attached.Add(new IamAttachedPolicy(p.PolicyName, p.Arn));
                break;
            case 2 or 3 or 4: // scoped read-only
                if (i % 3 == 0) groups.Add("readers");
                inline.Add(Inline($"{name}-bucket", Allow(["s3:GetObject", "s3:ListBucket"], $"arn:aws:s3:::bench-data-{i % 50}", $"arn:aws:s3:::bench-data-{i % 50}/*")));
                break;
            case 5: // admin with a deny guard
                attached.Add(Attach("AdministratorAccess"));
                inline.Add(Inline($"{name}-guard", Deny(["iam:*", "organizations:*", "kms:ScheduleKeyDeletion"], "*")));
                break;
            case 6 or 7: // developers
                groups.Add("developers");
                inline.Add(Inline($"{name}-pass", Allow(["iam:PassRole"], $"arn:aws:iam::{account}:role/app-*")));
                break;
            case 8: // data users, bounded
                groups.Add("data");
                boundary = new IamPermissionsBoundary("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess");
                break;
            default: // auditors
                groups.Add("auditors");
                break;
        }

        return new IamUser
        {
            Arn = $"arn:aws:iam::{account}:user/{name}",
            UserName = name,
            UserId = $"AIDA{account}{i:D8}",
            CreateDate = _now.AddDays(-30 - i % 700),
            InlinePolicies = inline,
            AttachedPolicies = attached,
            GroupNames = groups,
            PermissionsBoundary = boundary,
            Tags = [new IamTag("team", $"team-{i % 12}")],
        };
    }

    private IamRole Role(string account, int accountIndex, int j, List<IamManagedPolicy> customer)
    {
        var serviceLinked = j % 100 == 99;
        var name = serviceLinked ? $"AWSServiceRoleForBench{j:D5}" : j % 10 is 6 or 7 ? $"app-role-{j:D5}" : $"role-{j:D5}";
        var peer = AccountId((accountIndex + 1 + j % 7) % Accounts);
        var trust = (j % 6) switch
        {
            0 => Trust("""{"Service":"lambda.amazonaws.com"}""", "sts:AssumeRole", null),
            1 => Trust("""{"Service":"ec2.amazonaws.com"}""", "sts:AssumeRole", null),
            2 => Trust($$"""{"AWS":"arn:aws:iam::{{peer}}:root"}""", "sts:AssumeRole", null),
            3 => Trust("""{"AWS":"arn:aws:iam::999988887777:root"}""", "sts:AssumeRole", $$$"""{"StringEquals":{"sts:ExternalId":"ext-{{{j}}}"}}"""),
            4 => Trust($$"""{"AWS":"arn:aws:iam::{{account}}:user/user-{{j % Math.Max(1, UsersPerAccount):D5}}"}""", "sts:AssumeRole", null),
            _ => Trust($$"""{"Federated":"arn:aws:iam::{{account}}:saml-provider/corp-idp"}""", "sts:AssumeRoleWithSAML", """{"StringEquals":{"SAML:aud":"https://signin.aws.amazon.com/saml"}}"""),
        };

        var attached = new List<IamAttachedPolicy>();
        var inline = new List<IamInlinePolicy>();
        switch (j % 10)
        {
            case 0:
                attached.Add(Attach("AdministratorAccess"));
                break;
            case 1:
                var p = customer[(j / 10 + 7) % customer.Count];
                attached.Add(new IamAttachedPolicy(p.PolicyName, p.Arn));
                break;
            case 2:
                attached.Add(Attach("ReadOnlyAccess"));
                break;
            case 3 or 4:
                inline.Add(Inline($"{name}-table", Allow(["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"], $"arn:aws:dynamodb:{Region}:{account}:table/orders-{j % 40}")));
                inline.Add(Inline($"{name}-logs", Allow(["logs:CreateLogStream", "logs:PutLogEvents"], $"arn:aws:logs:{Region}:{account}:log-group:/aws/lambda/{name}:*")));
                break;
            case 5:
                attached.Add(Attach("AdministratorAccess"));
                inline.Add(Inline($"{name}-guard", Deny(["iam:*", "sts:AssumeRole"], "*")));
                break;
            case 6 or 7:
                attached.Add(Attach("PowerUserAccess"));
                inline.Add(Inline($"{name}-pass", Allow(["iam:PassRole"], $"arn:aws:iam::{account}:role/app-role-*")));
                break;
            case 8:
                attached.Add(Attach("AmazonEC2FullAccess"));
                attached.Add(Attach("AmazonS3FullAccess"));
                break;
            default:
                attached.Add(Attach("AWSKeyManagementServicePowerUser"));
                inline.Add(Inline($"{name}-secrets", Allow(["secretsmanager:GetSecretValue"], $"arn:aws:secretsmanager:{Region}:{account}:secret:app/{j % 30}-*")));
                break;
        }

        return new IamRole
        {
            Arn = $"arn:aws:iam::{account}:role/{(serviceLinked ? "aws-service-role/bench.amazonaws.com/" : "")}{name}",
            RoleName = name,
            RoleId = $"AROA{account}{j:D8}",
            Path = serviceLinked ? "/aws-service-role/bench.amazonaws.com/" : "/",
            CreateDate = _now.AddDays(-60 - j % 900),
            TrustPolicy = trust,
            InlinePolicies = inline,
            AttachedPolicies = attached,
            LastUsed = j % 3 == 0 ? null : new IamRoleLastUsed(_now.AddDays(-(j % 400)), Region),
            InstanceProfiles = j % 6 == 1 ? [new IamInstanceProfile($"arn:aws:iam::{account}:instance-profile/{name}", name, $"AIPA{j:D8}", "/", _now.AddDays(-60), [name])] : [],
        };
    }

    private static IamManagedPolicy Copy(IamManagedPolicy template, string arn, string json) => template with
    {
        Arn = arn,
        DefaultVersionId = "v1",
        Versions = [new IamPolicyVersion("v1", true, template.CreateDate, new IamPolicyJson(json))],
    };

    private static IamGroup Group(string account, string name, List<IamAttachedPolicy> attached, List<IamInlinePolicy> inline) => new()
    {
        Arn = $"arn:aws:iam::{account}:group/{name}",
        GroupName = name,
        AttachedPolicies = attached,
        InlinePolicies = inline,
    };

    private static IamAttachedPolicy Attach(string awsManaged) => new(awsManaged, $"arn:aws:iam::aws:policy/{awsManaged}");

    private static IamInlinePolicy Inline(string name, string json) => new(name, new IamPolicyJson(json));

    private static string Allow(string[] actions, params string[] resources) => Statement("Allow", actions, resources);

    private static string Deny(string[] actions, params string[] resources) => Statement("Deny", actions, resources);

    private static string Statement(string effect, string[] actions, string[] resources) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"{{effect}}","Action":[{{string.Join(',', actions.Select(a => $"\"{a}\""))}}],"Resource":[{{string.Join(',', resources.Select(r => $"\"{r}\""))}}]}]}""";

    private static IamPolicyJson Trust(string principal, string action, string? condition) => new(
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"{{action}}"{{(condition is null ? "" : $",\"Condition\":{condition}")}}}]}""");
}
