using Dashboard.Core.Organizations;

namespace Dashboard.Core.Tests.Organizations;

/// <summary>Hand-built organizations for the tests: a small tree and short ways to vary it.</summary>
internal static class OrganizationTestKit
{
    public const string OrgId = "o-a1b2c3d4e5";
    public const string RootId = "r-ab12";
    public const string Management = "111111111111";
    public const string ProdAccount = "222222222222";
    public const string SandboxAccount = "333333333333";
    public const string SuspendedAccount = "444444444444";
    public const string Workloads = "ou-ab12-workload";
    public const string Prod = "ou-ab12-prod0001";
    public const string Sandbox = "ou-ab12-sandbox1";

    public const string FullAwsAccessId = "p-FullAWSAccess";
    public const string DenyDynamoDbId = "p-denydynamo1";
    public const string AllowEc2Id = "p-allowec2onl";
    public const string RcpFullId = "p-RCPFullAWSAccess";

    public static readonly string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    public static readonly string DenyDynamoDb = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyDynamoDB","Effect":"Deny","Action":"dynamodb:*","Resource":"*"}]}""";
    public static readonly string AllowEc2AndCloudWatch = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","cloudwatch:*"],"Resource":"*"}]}""";

    public static OrganizationDetails Details(string featureSet = "ALL") => new(OrgId, Management, "root@example.com", featureSet);

    public static OrganizationRoot Root(params string[] enabled) =>
        new(RootId, "Root") { EnabledPolicyTypes = enabled.Length == 0 ? [OrganizationPolicyTypes.ServiceControlPolicy] : enabled };

    public static OrganizationalUnit[] Units() =>
    [
        new(Workloads, "Workloads", RootId),
        new(Prod, "Prod", Workloads),
        new(Sandbox, "Sandbox", RootId),
    ];

    public static OrganizationAccount[] Accounts() =>
    [
        new(Management, "management", "root@example.com", "ACTIVE", RootId),
        new(ProdAccount, "prod", "prod@example.com", "ACTIVE", Prod),
        new(SandboxAccount, "sandbox", "sandbox@example.com", "ACTIVE", Sandbox),
        new(SuspendedAccount, "old", "old@example.com", "SUSPENDED", Workloads),
    ];

    public static OrganizationPolicy[] Policies(string? denyContent = null) =>
    [
        new(FullAwsAccessId, "FullAWSAccess", OrganizationPolicyTypes.ServiceControlPolicy, true, FullAwsAccess),
        new(DenyDynamoDbId, "DenyDynamoDB", OrganizationPolicyTypes.ServiceControlPolicy, false, denyContent ?? DenyDynamoDb),
        new(AllowEc2Id, "AllowEc2AndCloudWatch", OrganizationPolicyTypes.ServiceControlPolicy, false, AllowEc2AndCloudWatch),
        new(RcpFullId, "RCPFullAWSAccess", OrganizationPolicyTypes.ResourceControlPolicy, true,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"""),
    ];

    /// <summary>Deny-list everywhere (FullAWSAccess at every level), DynamoDB denied at Prod, Sandbox on an allow list.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Attachments() => new()
    {
        [RootId] = [FullAwsAccessId, RcpFullId],
        [Workloads] = [FullAwsAccessId],
        [Prod] = [FullAwsAccessId, DenyDynamoDbId],
        [Sandbox] = [AllowEc2Id],
        [Management] = [FullAwsAccessId],
        [ProdAccount] = [FullAwsAccessId],
        [SandboxAccount] = [FullAwsAccessId],
        [SuspendedAccount] = [FullAwsAccessId],
    };

    public static OrganizationSnapshot Snapshot(
        Dictionary<string, IReadOnlyList<string>>? attachments = null,
        OrganizationRoot? root = null,
        string? denyContent = null) =>
        OrganizationSnapshot.Create(Details(), root ?? Root(), Units(), Accounts(), Policies(denyContent), attachments ?? Attachments());
}
