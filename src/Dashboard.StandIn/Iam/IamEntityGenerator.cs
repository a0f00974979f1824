using System.Text.Json.Nodes;
using Dashboard.StandIn.Data;
using Dashboard.StandIn.Identity;
using static Dashboard.StandIn.Iam.IamPolicyJson;

namespace Dashboard.StandIn.Iam;

/// <summary>
/// The IAM every organization has, generated per account from (seed, index): people in the classic groups,
/// service users with long-lived keys, the cross-account and service roles, customer policies with an old
/// permissive version — some of it risky on purpose (a service user with AdministratorAccess, a vendor role
/// without an ExternalId, an OIDC trust without a subject condition, a role unused for months, iam:PassRole
/// on *). Entities whose names a seed dump already uses are left to the dump.
/// </summary>
internal sealed class IamEntityGenerator(int seed, string management, DateTimeOffset anchor)
{
    /// <summary>A third party outside the organization (a vendor) that some roles trust.</summary>
    public const string ExternalAccount = "999988887777";

    /// <summary>Users under this path, or with these names, are machines: no password, always a key.</summary>
    public static readonly string[] ServiceUsers = ["ci-deploy", "backup-agent", "legacy-reporting", "terraform"];

    private static readonly string[] People =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia",
        "peggy", "rupert", "sybil", "trent", "victor", "walter", "yasmin",
    ];

    private static readonly string[] Teams = ["payments", "platform", "data", "web", "security"];
    private static readonly string[] Regions = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2"];

    /// <summary>Adds the generated entities of account <paramref name="index"/> to <paramref name="content"/> (the four lists).</summary>
    public void AddTo(JsonObject content, int index, string accountId)
    {
        var random = new StableRandom(seed, index, salt: 311);
        var isManagement = accountId == management;
        var users = content["UserDetailList"]!.AsArray();
        var groups = content["GroupDetailList"]!.AsArray();
        var roles = content["RoleDetailList"]!.AsArray();
        var policies = content["Policies"]!.AsArray();
        string Arn(string kind, string name, string path = "/") => $"arn:aws:iam::{accountId}:{kind}{path}{name}";
        string Id(string prefix, string name) => prefix + StandInCredentials.IdSuffix($"{accountId}/{prefix}/{name}");
        string Ago(long minDays, long maxDays, ref StableRandom r) => IamDumpNormalizer.Iso(anchor.AddDays(-(minDays + r.Next(maxDays - minDays + 1))).AddSeconds(-r.Next(86_400)));
        bool Has(JsonArray list, string key, string name) => list.OfType<JsonObject>().Any(e => string.Equals(e[key]?.GetValue<string>(), name, StringComparison.OrdinalIgnoreCase));
        void AddPolicy(string name, string description, params (JsonObject Document, string Created)[] versions)
        {
            if (Has(policies, "PolicyName", name))
            {
                return;
            }

            var list = new JsonArray();
            for (var v = 0; v < versions.Length; v++)
            {
                list.Add(new JsonObject
                {
                    ["Document"] = versions[v].Document,
                    ["VersionId"] = $"v{v + 1}",
                    ["IsDefaultVersion"] = v == versions.Length - 1,
                    ["CreateDate"] = versions[v].Created,
                });
            }

            policies.Add(new JsonObject
            {
                ["PolicyName"] = name,
                ["PolicyId"] = Id("ANPA", name),
                ["Arn"] = Arn("policy", name),
                ["Path"] = "/",
                ["DefaultVersionId"] = $"v{versions.Length}",
                ["AttachmentCount"] = 0,
                ["PermissionsBoundaryUsageCount"] = 0,
                ["IsAttachable"] = true,
                ["Description"] = description,
                ["CreateDate"] = versions[0].Created,
                ["UpdateDate"] = versions[^1].Created,
                ["PolicyVersionList"] = list,
            });
        }

        // Customer-managed policies: the app's S3 access (an old permissive v1 kept beside the default v2),
        // the deploy pipeline's rights, and a permissions boundary.
        var permissiveDeploy = random.Chance(0.4);
        AddPolicy("s3-app-access", "Read and write the application's bucket",
            (Document(Allow(["s3:*"], "*")), Ago(500, 700, ref random)),
            (Document(Allow(["s3:GetObject", "s3:PutObject"], $"arn:aws:s3:::app-data-{accountId}/*"), Allow(["s3:ListBucket"], $"arn:aws:s3:::app-data-{accountId}")), Ago(100, 400, ref random)));
        AddPolicy("deploy-access", "What the deployment pipeline needs",
            (Document(
                Allow(["cloudformation:*", "s3:GetObject", "s3:PutObject", "lambda:UpdateFunctionCode", "ecr:*"], "*"),
                Allow(["iam:PassRole"], permissiveDeploy ? "*" : Arn("role", "app-lambda-exec"))), Ago(200, 600, ref random)));
        AddPolicy("dev-boundary", "Permissions boundary for developer-created roles",
            (Document(
                Allow(["s3:*", "lambda:*", "logs:*", "dynamodb:*", "sqs:*"], "*"),
                Deny(["iam:*", "organizations:*", "account:*"], "*")), Ago(300, 800, ref random)));

        // Groups: the classic three, with AWS-managed policies.
        void AddGroup(string name, string[] managed, JsonObject? inline = null)
        {
            if (Has(groups, "GroupName", name))
            {
                return;
            }

            groups.Add(new JsonObject
            {
                ["Path"] = "/",
                ["GroupName"] = name,
                ["GroupId"] = Id("AGPA", name),
                ["Arn"] = Arn("group", name),
                ["CreateDate"] = Ago(700, 1500, ref random),
                ["GroupPolicyList"] = inline is null ? new JsonArray() : new JsonArray(inline),
                ["AttachedManagedPolicies"] = new JsonArray([.. managed.Select(m => Attached(m, $"arn:aws:iam::aws:policy/{m}"))]),
            });
        }

        AddGroup("Admins", ["AdministratorAccess"]);
        AddGroup("Developers", ["PowerUserAccess"], Inline("deny-iam-changes", Document(Deny(["iam:Create*", "iam:Delete*", "iam:Put*", "iam:Attach*", "iam:Update*"], "*"))));
        AddGroup("ReadOnly", ["ReadOnlyAccess"]);

        // People and service users.
        var peopleCount = 3 + (int)random.Next(6);
        var start = (int)random.Next(People.Length);
        for (var p = 0; p < peopleCount; p++)
        {
            var name = People[(start + (p * 7)) % People.Length];
            if (Has(users, "UserName", name))
            {
                continue;
            }

            var roll = random.NextDouble();
            var group = roll < 0.12 ? "Admins" : roll < 0.6 ? "Developers" : "ReadOnly";
            var attached = new JsonArray();
            if (random.Chance(0.15))
            {
                attached.Add(Attached("IAMReadOnlyAccess", "arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
            }

            var inline = new JsonArray();
            if (random.Chance(0.15))
            {
                inline.Add(Inline("manage-own-mfa", Document(Statement("Allow",
                    ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ResyncMFADevice", "iam:ListMFADevices"],
                    [$"arn:aws:iam::{accountId}:mfa/${{aws:username}}", $"arn:aws:iam::{accountId}:user/${{aws:username}}"]))));
            }

            users.Add(User(name, Id("AIDA", name), Arn("user", name), Ago(60, 1400, ref random), [group], attached, inline, null,
                [Tag("team", Teams[random.Next(Teams.Length)])]));
        }

        var services = 1 + (int)random.Next(2);
        for (var s = 0; s < services; s++)
        {
            var name = ServiceUsers[(index + s) % ServiceUsers.Length];
            if (Has(users, "UserName", name))
            {
                continue;
            }

            var attached = new JsonArray();
            JsonObject? boundary = null;
            if (name == "ci-deploy")
            {
                attached.Add(Attached("deploy-access", Arn("policy", "deploy-access")));
                boundary = new JsonObject { ["PermissionsBoundaryType"] = "PermissionsBoundaryPolicy", ["PermissionsBoundaryArn"] = Arn("policy", "dev-boundary") };
            }
            else if (random.Chance(0.3))
            {
                // The classic finding: a long-lived key with AdministratorAccess.
                attached.Add(Attached("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"));
            }
            else
            {
                attached.Add(Attached("s3-app-access", Arn("policy", "s3-app-access")));
            }

            users.Add(User(name, Id("AIDA", name), Arn("user", name, "/service/"), Ago(300, 1800, ref random), [], attached, [], boundary,
                [Tag("owner", "platform")], "/service/"));
        }

        // Roles.
        void AddRole(string name, JsonObject trust, string[] managed, JsonObject? inline = null, string path = "/", JsonObject? lastUsed = null, bool instanceProfile = false)
        {
            if (Has(roles, "RoleName", name))
            {
                return;
            }

            var created = Ago(90, 1200, ref random);
            var arn = Arn("role", name, path);
            var id = Id("AROA", name);
            var role = new JsonObject
            {
                ["Path"] = path,
                ["RoleName"] = name,
                ["RoleId"] = id,
                ["Arn"] = arn,
                ["CreateDate"] = created,
                ["AssumeRolePolicyDocument"] = trust,
                ["InstanceProfileList"] = new JsonArray(),
                ["RolePolicyList"] = inline is null ? new JsonArray() : new JsonArray(inline),
                ["AttachedManagedPolicies"] = new JsonArray([.. managed.Select(m => m.StartsWith("arn:", StringComparison.Ordinal)
                    ? Attached(m[(m.LastIndexOf('/') + 1)..], m)
                    : Attached(m, $"arn:aws:iam::aws:policy/{m}"))]),
                ["Tags"] = new JsonArray(),
                ["RoleLastUsed"] = lastUsed ?? new JsonObject
                {
                    ["LastUsedDate"] = Ago(0, 30, ref random),
                    ["Region"] = Regions[random.Next(Regions.Length)],
                },
            };
            if (instanceProfile)
            {
                role["InstanceProfileList"]!.AsArray().Add(new JsonObject
                {
                    ["Path"] = "/",
                    ["InstanceProfileName"] = name,
                    ["InstanceProfileId"] = Id("AIPA", name),
                    ["Arn"] = Arn("instance-profile", name),
                    ["CreateDate"] = created,
                    ["Roles"] = new JsonArray(new JsonObject
                    {
                        ["Path"] = path,
                        ["RoleName"] = name,
                        ["RoleId"] = id,
                        ["Arn"] = arn,
                        ["CreateDate"] = created,
                        ["AssumeRolePolicyDocument"] = trust.DeepClone(),
                    }),
                });
            }

            roles.Add(role);
        }

        var managementRoot = $"arn:aws:iam::{management}:root";
        if (!isManagement)
        {
            AddRole("OrganizationAccountAccessRole", Trust("AWS", managementRoot), ["AdministratorAccess"]);
        }

        AddRole("SecurityDashboardReadOnly", Trust("AWS", managementRoot), ["SecurityAudit", "ViewOnlyAccess"]);
        AddRole("AWSServiceRoleForSupport", Trust("Service", "support.amazonaws.com"), ["AWSSupportServiceRolePolicy"], path: "/aws-service-role/support.amazonaws.com/");
        AddRole("app-lambda-exec", Trust("Service", "lambda.amazonaws.com"), [],
            Inline("app-runtime", Document(
                Allow(["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], $"arn:aws:logs:*:{accountId}:*"),
                Allow(["s3:GetObject"], $"arn:aws:s3:::app-data-{accountId}/*"))));
        AddRole("app-ec2-instance", Trust("Service", "ec2.amazonaws.com"), ["AmazonSSMManagedInstanceCore", Arn("policy", "s3-app-access")], instanceProfile: true);
        AddRole("vendor-audit", Trust("AWS", $"arn:aws:iam::{ExternalAccount}:root", condition: random.Chance(0.3) ? null : Condition("StringEquals", "sts:ExternalId", $"vendor-{accountId}")),
            ["SecurityAudit"]);
        AddRole("github-actions-deploy",
            Trust("Federated", $"arn:aws:iam::{accountId}:oidc-provider/token.actions.githubusercontent.com", "sts:AssumeRoleWithWebIdentity",
                random.Chance(0.25) ? null : Condition("StringLike", "token.actions.githubusercontent.com:sub", "repo:example-org/*")),
            [Arn("policy", "deploy-access")]);
        var neverUsed = random.Chance(0.5);
        AddRole("old-batch-job", Trust("Service", "ecs-tasks.amazonaws.com"), [Arn("policy", "s3-app-access")],
            lastUsed: neverUsed ? new JsonObject() : new JsonObject { ["LastUsedDate"] = Ago(200, 400, ref random), ["Region"] = "us-east-1" });
    }

    private static JsonObject User(string name, string id, string arn, string created, string[] groups, JsonArray attached, JsonArray inline, JsonObject? boundary, JsonObject[] tags, string path = "/")
    {
        var user = new JsonObject
        {
            ["Path"] = path,
            ["UserName"] = name,
            ["UserId"] = id,
            ["Arn"] = arn,
            ["CreateDate"] = created,
            ["UserPolicyList"] = inline,
            ["GroupList"] = new JsonArray([.. groups.Select(g => JsonValue.Create(g))]),
            ["AttachedManagedPolicies"] = attached,
        };
        if (boundary is not null)
        {
            user["PermissionsBoundary"] = boundary;
        }

        user["Tags"] = new JsonArray(tags);
        return user;
    }}
