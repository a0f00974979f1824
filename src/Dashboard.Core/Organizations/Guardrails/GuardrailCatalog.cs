namespace Dashboard.Core.Organizations.Guardrails;

/// <summary>
/// The guardrails the dashboard checks by default (issue 5, section 3). Each is data: an organization adds
/// its own, or replaces a built-in one, with a JSON file (<see cref="GuardrailOptions.DefinitionsFile"/>, read
/// by <see cref="GuardrailDefinitionReader"/>, merged by <see cref="Merge"/>; GUARDRAILS.md beside this class).
/// </summary>
public static class GuardrailCatalog
{
    public const string Organization = "Organization";
    public const string Logging = "Logging and detection";
    public const string Regions = "Regions";
    public const string Identity = "Identity";
    public const string DataProtection = "Data protection";

    /// <summary>
    /// The probe for a Region guardrail and for finding an account's home Region. RunInstances is a
    /// regional action every Region SCP covers; the request names t2.micro, the one type the AWS example
    /// "require micro instances" SCP allows, so instance-type SCPs do not pass for Region restrictions.
    /// </summary>
    public static readonly GuardrailTestRequest RegionProbe = new()
    {
        Action = "ec2:RunInstances",
        Resource = "arn:{partition}:ec2:{region}:{account}:instance/*",
        Context = new Dictionary<string, string> { ["ec2:InstanceType"] = "t2.micro" },
    };

    // IAM and Organizations are global services: AWS sets aws:RequestedRegion to us-east-1 for their calls,
    // which is why Region SCPs list them under NotAction.
    private static readonly Dictionary<string, string> GlobalService = new() { ["aws:RequestedRegion"] = "us-east-1" };

    public static IReadOnlyList<GuardrailDefinition> Default { get; } =
    [
        new()
        {
            Id = "leave-organization",
            Title = "Leaving the organization",
            Category = Organization,
            Description = "A member account that leaves the organization escapes every SCP, the organization trail and central billing.",
            Requests = [Global("organizations:LeaveOrganization")],
        },
        new()
        {
            Id = "cloudtrail",
            Title = "Disabling or deleting CloudTrail",
            Category = Logging,
            Description = "Stopping or changing the organization trail hides what happens in the account.",
            Requests =
            [
                Regional("cloudtrail:StopLogging", "arn:{partition}:cloudtrail:{region}:{account}:trail/{trail}"),
                Regional("cloudtrail:DeleteTrail", "arn:{partition}:cloudtrail:{region}:{account}:trail/{trail}"),
                Regional("cloudtrail:UpdateTrail", "arn:{partition}:cloudtrail:{region}:{account}:trail/{trail}"),
            ],
        },
        new()
        {
            Id = "config",
            Title = "Disabling or deleting AWS Config",
            Category = Logging,
            Description = "Without the configuration recorder and its delivery channel, configuration history and Config rules stop.",
            Requests =
            [
                Regional("config:StopConfigurationRecorder"),
                Regional("config:DeleteConfigurationRecorder"),
                Regional("config:DeleteDeliveryChannel"),
            ],
        },
        new()
        {
            Id = "guardduty",
            Title = "Disabling or deleting GuardDuty",
            Category = Logging,
            Description = "Deleting the detector or leaving the GuardDuty administrator silences threat detection.",
            Requests =
            [
                Regional("guardduty:DeleteDetector", Detector),
                Regional("guardduty:UpdateDetector", Detector),
                Regional("guardduty:DisassociateFromMasterAccount", Detector),

                // The current name of the call above; an SCP listing only the old name leaves it open.
                Regional("guardduty:DisassociateFromAdministratorAccount", Detector),
            ],
        },
        new()
        {
            Id = "securityhub",
            Title = "Disabling Security Hub",
            Category = Logging,
            Description = "Disabling Security Hub or its standards, or leaving the administrator account, stops the findings this dashboard shows.",
            Requests =
            [
                Regional("securityhub:DisableSecurityHub", "arn:{partition}:securityhub:{region}:{account}:hub/default"),
                Regional("securityhub:BatchDisableStandards"),
                Regional("securityhub:DisassociateFromAdministratorAccount"),
            ],
        },
        new()
        {
            Id = "access-analyzer",
            Title = "Deleting IAM Access Analyzer",
            Category = Logging,
            Description = "The analyzer reports resources shared outside the account or organization.",
            Requests = [Regional("access-analyzer:DeleteAnalyzer", "arn:{partition}:access-analyzer:{region}:{account}:analyzer/account-analyzer")],
        },
        new()
        {
            Id = "regions",
            Title = "Actions outside allowed Regions",
            Category = Regions,
            Description = "Regional actions are denied outside the Regions the organization allows.",
            Requests = [RegionProbe],
            ProtectedWhen = GuardrailProtection.DeniedOutsideAllowedRegions,
        },
        new()
        {
            Id = "root-user",
            Title = "Root user actions",
            Category = Identity,
            Description = "The member account's root user cannot be limited by IAM policies; only SCPs restrict it.",
            Requests =
            [
                new() { Action = "iam:CreateAccessKey", Resource = "arn:{partition}:iam::{account}:root", Principal = GuardrailPrincipal.MemberRoot, Context = GlobalService },
                new()
                {
                    Action = RegionProbe.Action,
                    Resource = RegionProbe.Resource,
                    Principal = GuardrailPrincipal.MemberRoot,
                    Context = RegionProbe.Context,
                },
            ],
        },
        new()
        {
            Id = "iam-users",
            Title = "Creating IAM users and access keys",
            Category = Identity,
            Description = "Long-term credentials are the usual source of leaked keys; people should sign in through federation.",
            Requests =
            [
                Global("iam:CreateUser", "arn:{partition}:iam::{account}:user/guardrail-test-user"),
                Global("iam:CreateAccessKey", "arn:{partition}:iam::{account}:user/guardrail-test-user"),
            ],
        },
        new()
        {
            Id = "audit-role",
            Title = "Changing the dashboard's audit role",
            Category = Identity,
            Description = "Whoever can change the role this dashboard reads through can blind it or borrow its trust.",
            Requests =
            [
                Global("iam:UpdateAssumeRolePolicy", AuditRole),
                Global("iam:DeleteRole", AuditRole),
                Global("iam:AttachRolePolicy", AuditRole),
            ],
        },
        new()
        {
            Id = "s3-block-public-access",
            Title = "Disabling S3 Block Public Access",
            Category = DataProtection,
            Description = "The account-level Block Public Access settings stop buckets from being made public by mistake.",
            Requests = [Regional("s3:PutAccountPublicAccessBlock")],
        },
        new()
        {
            Id = "ebs-encryption",
            Title = "Disabling EBS default encryption",
            Category = DataProtection,
            Description = "With default encryption off, new volumes and snapshots may be unencrypted.",
            Requests = [Regional("ec2:DisableEbsEncryptionByDefault")],
        },
        new()
        {
            Id = "kms-key-deletion",
            Title = "Deleting KMS keys",
            Category = DataProtection,
            Description = "A deleted key makes everything encrypted under it unreadable for good.",
            Requests = [Regional("kms:ScheduleKeyDeletion", "arn:{partition}:kms:{region}:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab")],
        },
    ];

    /// <summary>
    /// The built-in guardrails with an organization's own: a custom definition whose id is a built-in one
    /// replaces it in place (say, to test a differently named trail); the others follow, in file order.
    /// </summary>
    public static IReadOnlyList<GuardrailDefinition> Merge(IReadOnlyList<GuardrailDefinition> builtIn, IReadOnlyList<GuardrailDefinition> custom)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentNullException.ThrowIfNull(custom);
        var byId = custom.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var builtInIds = builtIn.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. builtIn.Select(d => byId.GetValueOrDefault(d.Id, d)),
            .. custom.Where(d => !builtInIds.Contains(d.Id)).DistinctBy(d => d.Id, StringComparer.Ordinal),
        ];
    }

    private const string Detector = "arn:{partition}:guardduty:{region}:{account}:detector/12abc34d567e8fa901bc2d34e56789f0";

    private const string AuditRole = "arn:{partition}:iam::{account}:role/{auditRole}";

    private static GuardrailTestRequest Regional(string action, string resource = "*") => new() { Action = action, Resource = resource };

    private static GuardrailTestRequest Global(string action, string resource = "*") => new() { Action = action, Resource = resource, Context = GlobalService };
}
