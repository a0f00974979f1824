using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

public sealed class GuardrailMatrixTests
{
    private const string Workloads = "ou-sem1-workload";
    private const string Sandbox = "ou-sem1-sandbox1";
    private const string Member = "222222222222";
    private const string SandboxMember = "333333333333";

    private static readonly string DenyLeave = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-06.json");

    [Fact]
    public void Compute_DenyLeaveAtRoot_MembersProtectedByThatScpAndManagementNotApplicable()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-denyleave001")
            .Policy("p-denyleave001", "DenyLeaveOrganization", DenyLeave)
            .Account(Member, "prod", RootId, FullAccess)
            .Build();

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot);

        // Assert
        var cell = matrix.Cell(Member, "leave-organization");
        Assert.Equal(GuardrailStatus.Protected, cell.Status);
        var decider = Assert.Single(cell.Deciders);
        Assert.Equal((GuardrailDeciderKind.ExplicitDeny, "p-denyleave001", RootId, 0), (decider.Kind, decider.PolicyId, decider.TargetId, decider.StatementIndex));
        Assert.Equal($"Protected: denied by SCP 'DenyLeaveOrganization' (p-denyleave001) at Root ({RootId}), statement #1.", cell.Summary);
        Assert.All(matrix.Row(Management).Cells, c => Assert.Equal(GuardrailStatus.NotApplicable, c.Status));
        Assert.Contains("management account", matrix.Cell(Management, "leave-organization").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FullAwsAccessOnly_EveryMemberCellNotProtected()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder().Account(Member, "prod", RootId, FullAccess).Build();

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, Small());

        // Assert
        Assert.All(matrix.Row(Member).Cells, c => Assert.Equal(GuardrailStatus.NotProtected, c.Status));
        Assert.Equal(
            "Not protected: cloudtrail:StopLogging, cloudtrail:DeleteTrail and cloudtrail:UpdateTrail are allowed for an administrator in us-east-1.",
            matrix.Cell(Member, "cloudtrail").Summary);
    }

    [Fact]
    public void Compute_ScpsNotEnabled_NotProtectedAndSaysWhy()
    {
        // Arrange: a deny is attached, but the SCP policy type is not enabled on the root.
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-denyleave001")
            .Policy("p-denyleave001", "DenyLeaveOrganization", DenyLeave)
            .Account(Member, "prod", RootId, FullAccess)
            .WithoutScps()
            .Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, Small()).Cell(Member, "leave-organization");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Contains("SCPs are not enabled", cell.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AllowListOu_ProtectedByTheLevelThatAllowsNothing()
    {
        // Arrange: the Sandbox OU allows only EC2 and CloudWatch (FullAWSAccess removed).
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-allowec2cw01", "AllowEc2AndCloudWatch", RealScp("awsdocs-organizations/orgs_manage_policies_scps_strategies-04.json"))
            .Unit(Sandbox, "Sandbox", RootId, "p-allowec2cw01")
            .Account(SandboxMember, "sandbox", Sandbox, FullAccess)
            .Build();

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, Small());

        // Assert
        var kms = matrix.Cell(SandboxMember, "kms-key-deletion");
        Assert.Equal(GuardrailStatus.Protected, kms.Status);
        var decider = Assert.Single(kms.Deciders);
        Assert.Equal((GuardrailDeciderKind.NotAllowed, Sandbox, (string?)null), (decider.Kind, decider.TargetId, decider.PolicyId));
        Assert.Equal($"Protected: denied: no SCP at OU 'Sandbox' ({Sandbox}) allows it.", kms.Summary);
        Assert.Equal(GuardrailStatus.NotProtected, matrix.Cell(SandboxMember, "ebs-encryption").Status);
    }

    [Fact]
    public void Compute_PartialScpMissingTheCurrentActionName_NotProtectedNamingTheOpenAction()
    {
        // Arrange: the guide's GuardDuty SCP lists DisassociateFromMasterAccount but not its successor.
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-guardduty001", "ProtectGuardDuty", RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_guardduty-01.json"))
            .Unit(Workloads, "Workloads", RootId, FullAccess, "p-guardduty001")
            .Account(Member, "prod", Workloads, FullAccess)
            .Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, Small()).Cell(Member, "guardduty");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, cell.Status);
        Assert.Contains("guardduty:DisassociateFromAdministratorAccount is allowed", cell.Summary, StringComparison.Ordinal);
        Assert.Equal("p-guardduty001", Assert.Single(cell.Deciders).PolicyId);
        Assert.Equal(3, cell.Checks.Count(c => c.IsDenied));
    }

    [Theory]
    [InlineData(null, GuardrailStatus.Protected)]
    [InlineData("AnotherAuditRole", GuardrailStatus.NotProtected)]
    public void Compute_AuditRoleName_DecidesWhichRoleIsTested(string? auditRoleName, GuardrailStatus expected)
    {
        // Arrange: the guide's "deny access to a specific role" SCP, naming the dashboard's default audit role.
        var content = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-02.json")
            .Replace("name-of-role-to-deny", "SecurityDashboardReadOnly", StringComparison.Ordinal);
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-protectrole1")
            .Policy("p-protectrole1", "ProtectAuditRole", content)
            .Account(Member, "prod", RootId, FullAccess)
            .Build();
        var options = Small();
        if (auditRoleName is not null) options.AuditRoleName = auditRoleName;

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, options).Cell(Member, "audit-role");

        // Assert
        Assert.Equal(expected, cell.Status);
        Assert.All(cell.Checks, c => Assert.EndsWith($":role/{auditRoleName ?? "SecurityDashboardReadOnly"}", c.Resource, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_AccountWithItsOwnAuditRole_TestsThatRoleThereAndTheDefaultElsewhere()
    {
        // Arrange: the SCP protects the default role; one account reads through its own role (Aws:Accounts:N:RoleArn).
        var content = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-02.json")
            .Replace("name-of-role-to-deny", "SecurityDashboardReadOnly", StringComparison.Ordinal);
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-protectrole1")
            .Policy("p-protectrole1", "ProtectAuditRole", content)
            .Account(Member, "prod", RootId, FullAccess)
            .Account(SandboxMember, "sandbox", RootId, FullAccess)
            .Build();
        var options = Small();
        options.SetAccountAuditRole(SandboxMember, "team/LegacyAudit");

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, options);

        // Assert
        var own = matrix.Cell(SandboxMember, "audit-role");
        Assert.Equal(GuardrailStatus.NotProtected, own.Status);
        Assert.All(own.Checks, c => Assert.Equal($"arn:aws:iam::{SandboxMember}:role/team/LegacyAudit", c.Resource));
        var shared = matrix.Cell(Member, "audit-role");
        Assert.Equal(GuardrailStatus.Protected, shared.Status);
        Assert.All(shared.Checks, c => Assert.Equal($"arn:aws:iam::{Member}:role/SecurityDashboardReadOnly", c.Resource));
    }

    [Fact]
    public void Validate_AccountAuditRoleNotARoleName_NamesTheAccount()
    {
        // Arrange
        var options = new GuardrailOptions();
        options.SetAccountAuditRole(Member, "bad role");

        // Act
        var problems = options.Validate();

        // Assert
        Assert.Equal($"Organizations:Guardrails:AuditRoleName of account {Member}: 'bad role' (from its RoleArn) is not an IAM role name with an optional path.", Assert.Single(problems));
    }

    [Theory]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_examples_general-05.json", GuardrailStatus.NotProtected)]
    [InlineData("aws-samples-aws-scps-with-terraform/service_control_policy/root.json", GuardrailStatus.Protected)]
    public void Compute_RootUserGuardrail_ProtectedOnlyWhenEveryRootActionIsDenied(string scp, GuardrailStatus expected)
    {
        // Arrange: RestrictEC2ForRoot covers EC2 only; the terraform baseline denies the root user everything.
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-rootscp0001")
            .Policy("p-rootscp0001", "RootScp", RealScp(scp))
            .Account(Member, "prod", RootId, FullAccess)
            .Build();

        // Act
        var cell = GuardrailMatrix.Compute(snapshot, Small()).Cell(Member, "root-user");

        // Assert
        Assert.Equal(expected, cell.Status);
        Assert.All(cell.Checks, c => Assert.Equal($"arn:aws:iam::{Member}:root", c.Principal));
    }

    [Fact]
    public void Compute_TrailNameOption_TestsTheNamedTrail()
    {
        // Arrange: the AWS sample protecting one trail, filled in as an organization deploys it.
        var content = RealScp("aws-samples-service-control-policy-examples/Deny-changes-to-security-services/Deny-modifications-to-specific-CloudTrail-trails.json")
            .Replace("${Region}", "*", StringComparison.Ordinal).Replace("${Account}", "*", StringComparison.Ordinal)
            .Replace("[CLOUDTRAIL_NAME]", "org-trail", StringComparison.Ordinal).Replace("[PRIVILEGED_ROLE]", "PlatformAdmin", StringComparison.Ordinal);
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-protecttrail")
            .Policy("p-protecttrail", "ProtectTrail", content)
            .Account(Member, "prod", RootId, FullAccess)
            .Build();
        var options = Small();

        // Act
        var otherTrail = GuardrailMatrix.Compute(snapshot, options).Cell(Member, "cloudtrail");
        options.TrailName = "org-trail";
        var namedTrail = GuardrailMatrix.Compute(snapshot, options).Cell(Member, "cloudtrail");

        // Assert
        Assert.Equal(GuardrailStatus.NotProtected, otherTrail.Status);
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, namedTrail.Status);
        Assert.Equal("arn:aws:iam::*:role/PlatformAdmin", Assert.Single(namedTrail.Exceptions).Principal);
    }

    [Fact]
    public void Coverage_TreeWithTwoOus_CountsAccountsBelowEachNode()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-denyleave001", "DenyLeaveOrganization", DenyLeave)
            .Unit(Workloads, "Workloads", RootId, FullAccess, "p-denyleave001")
            .Unit(Sandbox, "Sandbox", RootId, FullAccess)
            .Account(Member, "prod", Workloads, FullAccess)
            .Account("444444444444", "prod-2", Workloads, FullAccess)
            .Account(SandboxMember, "sandbox", Sandbox, FullAccess)
            .Build();
        var matrix = GuardrailMatrix.Compute(snapshot, Small());

        // Act
        var coverage = matrix.Coverage();

        // Assert
        Assert.Equal([RootId, Workloads, Sandbox], coverage.Select(c => c.TargetId));
        Assert.Equal(new GuardrailCounts(2, 0, 1, 0, 1), coverage[0].For("leave-organization"));
        Assert.Equal((2, 2, 1), (coverage[1].AccountCount, coverage[1].For("leave-organization").Protected, coverage[1].Depth));
        Assert.Equal(1, coverage[2].For("leave-organization").NotProtected);
        Assert.Equal(2 * matrix.Guardrails.Count, coverage[1].AllCells.Total);
        Assert.Equal([Member, "444444444444"], matrix.RowsUnder(Workloads).Select(r => r.AccountId));
        Assert.Equal("Root / Workloads", matrix.Row(Member).Path);
    }

    [Fact]
    public void Compute_DuplicateAndMalformedDefinitions_ThrowsNamingEachProblem()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder().Build();
        GuardrailDefinition[] definitions =
        [
            new() { Id = "same", Title = "A", Category = "C", Requests = [new() { Action = "s3:GetObject" }] },
            new() { Id = "same", Title = "B", Category = "C", Requests = [new() { Action = "s3:*" }] },
            new() { Id = "Bad Id", Title = "C", Category = "C", Requests = [new() { Action = "iam:CreateUser", Resource = "arn:aws:iam::{acct}:user/x" }] },
        ];

        // Act
        var error = Assert.Throws<ArgumentException>(() => GuardrailMatrix.Compute(snapshot, definitions, Small()));

        // Assert
        Assert.Contains("guardrail id 'same' is used 2 times", error.Message, StringComparison.Ordinal);
        Assert.Contains("action 's3:*' is not service:ActionName", error.Message, StringComparison.Ordinal);
        Assert.Contains("guardrail 'Bad Id': id must be", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder {acct}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_InvalidOptions_ThrowsNamingTheConfigurationKeys()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder().Build();
        var options = new GuardrailOptions { AuditRoleName = "bad role name", AllowedRegions = ["eu-west-1", "Europe"] };

        // Act
        var error = Assert.Throws<ArgumentException>(() => GuardrailMatrix.Compute(snapshot, options));

        // Assert
        Assert.Contains("Organizations:Guardrails:AuditRoleName: 'bad role name' is not an IAM role name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Organizations:Guardrails:AllowedRegions:1: 'Europe' is not a Region name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_UnknownAccountOrGuardrail_ThrowWithTheKnownNames()
    {
        // Arrange
        var matrix = GuardrailMatrix.Compute(new ScpOrganizationBuilder().Build(), Small());

        // Act
        var account = Assert.Throws<ArgumentException>(() => matrix.Row("999999999999"));
        var guardrail = Assert.Throws<ArgumentException>(() => matrix.Cell(Management, "nope"));

        // Assert
        Assert.Contains("999999999999", account.Message, StringComparison.Ordinal);
        Assert.Contains("leave-organization", guardrail.Message, StringComparison.Ordinal);
    }

    internal static GuardrailOptions Small() => new() { CandidateRegions = ["us-east-1", "eu-central-1", "eu-west-1", "ap-east-1"] };
}
