using Dashboard.StandIn.Data;

namespace Dashboard.StandIn.Organizations;

/// <summary>
/// The stand-in's generated organization: the generated accounts placed in a realistic OU tree
/// (Security, Infrastructure/Prod/Network, Workloads/Prod, Workloads/NonProd, Sandbox, Suspended) with
/// real SCP examples attached at different levels. FullAWSAccess is attached everywhere except the Sandbox
/// OU, which follows the allow-list strategy instead; the last account (with 3 or more) is SUSPENDED and
/// sits in the Suspended OU under a quarantine SCP; the audit account is a delegated administrator.
/// RCPs are enabled: RCPFullAWSAccess everywhere plus an EnforceSecureTransport RCP on the root.
/// Deterministic for a seed and account list.
/// </summary>
internal static class GeneratedOrganization
{
    public const string FullAwsAccessId = "p-FullAWSAccess";
    public const string RcpFullAwsAccessId = "p-RCPFullAWSAccess";

    private const string Scp = "SERVICE_CONTROL_POLICY";
    private const string Rcp = "RESOURCE_CONTROL_POLICY";
    private const string FullAccessContent = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";
    private const string RcpFullAccessContent = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n      \"Principal\": \"*\",\n      \"Action\": \"*\",\n      \"Resource\": \"*\"\n    }\n  ]\n}";

    /// <summary>The OU tree: key, name, parent key (null = root).</summary>
    private static readonly (string Key, string Name, string? Parent)[] UnitLayout =
    [
        ("security", "Security", null),
        ("infrastructure", "Infrastructure", null),
        ("infrastructure-prod", "Prod", "infrastructure"),
        ("network", "Network", "infrastructure-prod"),
        ("workloads", "Workloads", null),
        ("workloads-prod", "Prod", "workloads"),
        ("workloads-nonprod", "NonProd", "workloads"),
        ("sandbox", "Sandbox", null),
        ("suspended", "Suspended", null),
    ];

    /// <summary>Where each named generated account lives; other accounts rotate over the workload OUs.</summary>
    private static readonly Dictionary<string, string> HomeUnit = new(StringComparer.Ordinal)
    {
        ["log-archive"] = "security",
        ["audit"] = "security",
        ["security-tooling"] = "security",
        ["identity"] = "security",
        ["network"] = "network",
        ["shared-services"] = "infrastructure-prod",
        ["backup"] = "infrastructure-prod",
        ["prod-payments"] = "workloads-prod",
        ["prod-web"] = "workloads-prod",
        ["prod-api"] = "workloads-prod",
        ["data-platform"] = "workloads-prod",
        ["staging-web"] = "workloads-nonprod",
        ["staging-api"] = "workloads-nonprod",
        ["dev-sandbox"] = "sandbox",
        ["ml-research"] = "sandbox",
    };

    private static readonly string[] RotatingUnits = ["workloads-prod", "workloads-nonprod", "sandbox"];

    /// <summary>The seed policies: key, name, description, type, seed file (null = AWS managed, inline content).</summary>
    private static readonly (string Key, string Name, string Description, string Type, string? File)[] PolicyCatalog =
    [
        ("deny-leave", "DenyLeaveOrganization", "Member accounts cannot leave the organization", Scp, "aws-samples-scp-examples--Deny-member-accounts-from-leaving-your-AWS-organization.json"),
        ("protect-audit-role", "ProtectDashboardAuditRole", "Only PlatformAdmin may change the security dashboard's audit role", Scp, "aws-samples-scp-examples--Deny-modifications-to-specific-IAM-roles.json"),
        ("protect-guardduty", "ProtectGuardDuty", "Prevent users from disabling GuardDuty or modifying its configuration", Scp, "awsdocs-organizations--orgs_manage_policies_scps_examples_guardduty-01.json"),
        ("protect-config", "ProtectConfig", "Prevent users from disabling AWS Config or changing its rules", Scp, "awsdocs-organizations--orgs_manage_policies_scps_examples_config-01.json"),
        ("protect-securityhub", "ProtectSecurityHub", "Deny deleting, disassociating or updating Security Hub except for PlatformAdmin", Scp, "aws-samples-scp-examples--Deny-deletion-or-disassociation-or-updation-to-AWS-SecurityHub.json"),
        ("protect-access-analyzer", "ProtectAccessAnalyzer", "Deny deleting IAM Access Analyzer and its findings", Scp, "aws-samples-scp-examples--Deny-deletion-of-AWS-Access-Analyzer-and-findings-in-an-account.json"),
        ("deny-default-vpc", "DenyDefaultVpc", "Deny creating a default VPC or subnet", Scp, "aws-samples-scp-examples--Deny-creation-of-default-VPC-and-subnet.json"),
        ("deny-kms-deletion", "DenyKmsKeyDeletion", "Deny KMS key deletion except for PlatformAdmin", Scp, "aws-samples-scp-examples--Deny-KMS-key-deletion.json"),
        ("deny-flow-log-deletion", "DenyFlowLogDeletion", "Deny deleting VPC flow logs", Scp, "aws-samples-scp-examples--Deny-users-from-deleting-Amazon-VPC-flow-logs.json"),
        ("baseline", "WorkloadBaseline", "No IAM users or access keys, no root user, no external RAM shares, no leaving", Scp, "aws-scps-with-terraform--service_control_policy-root.json"),
        ("region-restriction", "RegionRestriction", "Deny regional services outside eu-central-1 and eu-west-1 except for PlatformAdmin", Scp, "aws-samples-scp-examples--Deny-access-to-AWS-based-on-the-requested-AWS-region.json"),
        ("protect-ebs-encryption", "ProtectEbsDefaultEncryption", "Deny disabling EBS encryption by default except for PlatformAdmin", Scp, "aws-samples-scp-examples--Deny-disabling-default-EBS-encryption.json"),
        ("protect-audit-bucket", "ProtectAuditBucket", "Deny deleting the central audit log bucket or its objects", Scp, "aws-samples-scp-examples--Deny-users-from-deleting-Amazon-S3-buckets-or-objects.json"),
        ("protect-trail", "ProtectOrganizationTrail", "Deny changing the organization trail except for PlatformAdmin", Scp, "aws-samples-scp-examples--Deny-modifications-to-specific-CloudTrail-trails.json"),
        ("micro-instances", "RequireMicroInstances", "Only t2.micro instances in non-production", Scp, "awsdocs-organizations--orgs_manage_policies_scps_examples_ec2-01.json"),
        ("sandbox-allow-list", "SandboxAllowedServices", "Allow list: EC2 and CloudWatch only", Scp, "awsdocs-organizations--orgs_manage_policies_scps_strategies-04.json"),
        ("protect-sandbox", "ProtectSandbox", "Deny VPN, peering, Direct Connect and domain changes in sandboxes", Scp, "aws-scps-with-terraform--service_control_policy-sandbox.json"),
        ("quarantine", "Quarantine", "Deny everything except the break-glass and AWS roles", Scp, "lza--lza-sample-config-quarantine.json"),
        ("deny-root-user", "DenyRootUser", "Deny root user actions except bucket policy changes", Scp, "aws-samples-scp-examples--Deny-the-root-user-from-performing-actions-except-S3-bucketpolicy-changes.json"),
        ("secure-transport", "EnforceSecureTransport", "Deny requests over plain HTTP to STS, S3, SQS, Secrets Manager and KMS", Rcp, "aws-scps-with-terraform--resource_control_policy-root.json"),
    ];

    /// <summary>SCPs and RCPs attached to the root and each OU besides the FullAWSAccess ones (max 5 per target, as in AWS).</summary>
    private static readonly Dictionary<string, string[]> UnitPolicies = new(StringComparer.Ordinal)
    {
        ["root"] = ["deny-leave", "protect-audit-role", "secure-transport"],
        ["security"] = ["protect-guardduty", "protect-config", "protect-securityhub", "protect-access-analyzer"],
        ["infrastructure"] = ["deny-default-vpc"],
        ["infrastructure-prod"] = ["deny-kms-deletion"],
        ["network"] = ["deny-flow-log-deletion"],
        ["workloads"] = ["baseline", "region-restriction"],
        ["workloads-prod"] = ["protect-ebs-encryption", "protect-audit-bucket", "protect-trail"],
        ["workloads-nonprod"] = ["micro-instances"],
        ["sandbox"] = ["sandbox-allow-list", "protect-sandbox"],
        ["suspended"] = ["quarantine"],
    };

    /// <summary>The allow-list OU: FullAWSAccess is replaced there, as the allow-list strategy requires.</summary>
    private const string AllowListUnit = "sandbox";

    private static readonly DateTimeOffset FirstJoined = new(2019, 6, 3, 9, 0, 0, TimeSpan.Zero);

    public static OrganizationTree Build(StandInOrganization organization, int seed)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var random = new StableRandom(seed, -11, salt: 17);
        var rootSuffix = organization.RootId["r-".Length..];

        var unitIds = new Dictionary<string, string>(StringComparer.Ordinal) { ["root"] = organization.RootId };
        var units = new List<TreeUnit>();
        foreach (var (key, name, parent) in UnitLayout)
        {
            var id = $"ou-{rootSuffix}-{Text(ref random, 8)}";
            unitIds[key] = id;
            units.Add(new TreeUnit(id, name, unitIds[parent ?? "root"]));
        }

        var policyIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var policies = new List<TreePolicy>
        {
            new(FullAwsAccessId, "FullAWSAccess", "Allows access to every operation", Scp, true, FullAccessContent),
            new(RcpFullAwsAccessId, "RCPFullAWSAccess", "Allows access to every operation", Rcp, true, RcpFullAccessContent),
        };
        foreach (var (key, name, description, type, file) in PolicyCatalog)
        {
            var id = "p-" + Text(ref random, 10);
            policyIds[key] = id;
            policies.Add(new TreePolicy(id, name, description, type, false, ScpSeed.Load(file!)));
        }

        var attachments = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (key, id) in unitIds)
        {
            var attached = new List<string>();
            if (key != AllowListUnit) attached.Add(FullAwsAccessId);
            attached.Add(RcpFullAwsAccessId);
            attached.AddRange(UnitPolicies.GetValueOrDefault(key, []).Select(p => policyIds[p]));
            attachments[id] = attached;
        }

        var accounts = new List<TreeAccount>();
        var all = organization.Accounts;
        var suspendedIndex = all.Count >= 3 ? all.Count - 1 : -1;
        string? delegatedAdministrator = null;
        for (var i = 0; i < all.Count; i++)
        {
            var account = all[i];
            var suspended = i == suspendedIndex;
            var unitKey = i == 0 ? "root" : suspended ? "suspended" : HomeUnit.GetValueOrDefault(account.Name, RotatingUnits[i % RotatingUnits.Length]);
            var joined = FirstJoined.AddDays(i * 23).AddMinutes(random.Next(24 * 60)).AddMilliseconds(random.Next(1000));
            accounts.Add(new TreeAccount(account.Id, account.Name, account.Email, suspended ? "SUSPENDED" : "ACTIVE", i == 0 ? "INVITED" : "CREATED", joined, unitIds[unitKey]));

            var attached = new List<string> { FullAwsAccessId, RcpFullAwsAccessId };
            if (account.Name == "prod-payments") attached.Add(policyIds["deny-root-user"]);
            attachments[account.Id] = attached;
            if (account.Name == "audit" && !suspended) delegatedAdministrator = account.Id;
        }

        return new OrganizationTree(
            organization.Id,
            "ALL",
            organization.ManagementAccountId,
            organization.RootId,
            "Root",
            [Scp, Rcp],
            units,
            accounts,
            policies,
            attachments,
            delegatedAdministrator is null ? null : [delegatedAdministrator]);
    }

    private static string Text(ref StableRandom random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = alphabet[(int)random.Next(alphabet.Length)];
        return new string(chars);
    }
}
