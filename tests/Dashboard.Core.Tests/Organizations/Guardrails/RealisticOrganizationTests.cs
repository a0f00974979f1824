using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

/// <summary>
/// The matrix on realistic organizations: the AWS documentation's example organization (the stand-in's
/// Seed/org file) and the stand-in's generated layout with its seed SCPs (real AWS samples, placeholders
/// filled as the stand-in fills them), results checked by hand against the policies.
/// </summary>
public sealed class RealisticOrganizationTests
{
    private const string Audit = "200000000001";
    private const string ProdPayments = "200000000002";
    private const string DevSandbox = "200000000003";
    private const string Quarantined = "200000000004";
    private const string SandboxOu = "ou-sem1-sandbox1";

    private static readonly Lazy<string> RepoRoot = new(FindRepoRoot);

    [Fact]
    public void Compute_AwsExampleOrganization_AccountLevelAllowListProtectsTheTestAccount()
    {
        // Arrange: 444444444444 has only AllowAllEC2Actions attached directly (the example's allow list).
        var snapshot = OrganizationFileReader.ReadFile(Path.Combine(RepoRoot.Value, "src", "Dashboard.StandIn", "Seed", "org", "aws-example-organization.json"));

        // Act
        var matrix = GuardrailMatrix.Compute(snapshot, GuardrailMatrixTests.Small());

        // Assert
        var leave = matrix.Cell("444444444444", "leave-organization");
        Assert.Equal(GuardrailStatus.Protected, leave.Status);
        Assert.Equal((GuardrailDeciderKind.NotAllowed, "444444444444"), (leave.Deciders[0].Kind, leave.Deciders[0].TargetId));
        Assert.Equal(GuardrailStatus.NotProtected, matrix.Cell("444444444444", "ebs-encryption").Status);
        Assert.All(matrix.Row("222222222222").Cells, c => Assert.Equal(GuardrailStatus.NotProtected, c.Status));
        Assert.All(matrix.Row("111111111111").Cells, c => Assert.Equal(GuardrailStatus.NotApplicable, c.Status));
    }

    [Theory]
    [InlineData(Audit, "leave-organization", GuardrailStatus.Protected)]
    [InlineData(Audit, "config", GuardrailStatus.Protected)]
    [InlineData(Audit, "access-analyzer", GuardrailStatus.Protected)]
    [InlineData(Audit, "securityhub", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(Audit, "guardduty", GuardrailStatus.NotProtected)] // the sample lacks DisassociateFromAdministratorAccount
    [InlineData(Audit, "audit-role", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(Audit, "regions", GuardrailStatus.NotProtected)]
    [InlineData(ProdPayments, "cloudtrail", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(ProdPayments, "regions", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(ProdPayments, "root-user", GuardrailStatus.Protected)]
    [InlineData(ProdPayments, "iam-users", GuardrailStatus.Protected)]
    [InlineData(ProdPayments, "ebs-encryption", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(ProdPayments, "kms-key-deletion", GuardrailStatus.NotProtected)]
    [InlineData(ProdPayments, "s3-block-public-access", GuardrailStatus.NotProtected)]
    [InlineData(DevSandbox, "kms-key-deletion", GuardrailStatus.Protected)] // the allow list does not allow KMS
    [InlineData(DevSandbox, "audit-role", GuardrailStatus.Protected)] // PlatformAdmin's exemption is useless there
    [InlineData(DevSandbox, "root-user", GuardrailStatus.NotProtected)] // EC2 is on the allow list
    [InlineData(DevSandbox, "ebs-encryption", GuardrailStatus.NotProtected)]
    [InlineData(Quarantined, "cloudtrail", GuardrailStatus.ProtectedWithExceptions)]
    [InlineData(Quarantined, "root-user", GuardrailStatus.Protected)]
    public void Compute_StandInLayoutWithSeedScps_MatchesTheHandCheckedResult(string account, string guardrail, GuardrailStatus expected)
    {
        // Arrange
        var matrix = GuardrailMatrix.Compute(StandInLayout(), GuardrailMatrixTests.Small());

        // Act
        var cell = matrix.Cell(account, guardrail);

        // Assert
        Assert.True(expected == cell.Status, $"{account} {guardrail}: expected {expected}, got {cell.Status}: {cell.Summary}");
    }

    [Fact]
    public void Compute_StandInLayout_ExceptionsNameTheBreakGlassPatternsAndHomeRegionFollowsTheRegionScp()
    {
        // Arrange
        var matrix = GuardrailMatrix.Compute(StandInLayout(), GuardrailMatrixTests.Small());

        // Act
        var quarantine = matrix.Cell(Quarantined, "cloudtrail");
        var trail = matrix.Cell(ProdPayments, "cloudtrail");

        // Assert
        Assert.Contains("arn:aws:iam::*:role/OrganizationAccountAccessRole", quarantine.Exceptions.Select(e => e.Principal));
        Assert.Contains("arn:aws:iam::*:role/aws*", quarantine.Exceptions.Select(e => e.Principal));
        Assert.Equal("ProtectOrganizationTrail", trail.Deciders[0].PolicyName);
        Assert.Equal("arn:aws:iam::*:role/PlatformAdmin", Assert.Single(trail.Exceptions).Principal);
        Assert.Equal("eu-central-1", matrix.Row(ProdPayments).HomeRegion);
        Assert.Equal("us-east-1", matrix.Row(Audit).HomeRegion);
        Assert.Equal(4, matrix.CoverageFor(matrix.Snapshot.Root.Id).For("leave-organization").Protected);
    }

    /// <summary>The stand-in's generated organization in miniature: one account per OU that carries SCPs.</summary>
    private static OrganizationSnapshot StandInLayout() => new ScpOrganizationBuilder(FullAccess, "p-denyleave001", "p-auditrole001")
        .Policy("p-denyleave001", "DenyLeaveOrganization", Seed("aws-samples-scp-examples--Deny-member-accounts-from-leaving-your-AWS-organization.json"))
        .Policy("p-auditrole001", "ProtectDashboardAuditRole", Seed("aws-samples-scp-examples--Deny-modifications-to-specific-IAM-roles.json"))
        .Policy("p-guardduty001", "ProtectGuardDuty", Seed("awsdocs-organizations--orgs_manage_policies_scps_examples_guardduty-01.json"))
        .Policy("p-config000001", "ProtectConfig", Seed("awsdocs-organizations--orgs_manage_policies_scps_examples_config-01.json"))
        .Policy("p-securityhub1", "ProtectSecurityHub", Seed("aws-samples-scp-examples--Deny-deletion-or-disassociation-or-updation-to-AWS-SecurityHub.json"))
        .Policy("p-analyzer0001", "ProtectAccessAnalyzer", Seed("aws-samples-scp-examples--Deny-deletion-of-AWS-Access-Analyzer-and-findings-in-an-account.json"))
        .Policy("p-baseline0001", "WorkloadBaseline", Seed("aws-scps-with-terraform--service_control_policy-root.json"))
        .Policy("p-regions00001", "RegionRestriction", Seed("aws-samples-scp-examples--Deny-access-to-AWS-based-on-the-requested-AWS-region.json"))
        .Policy("p-ebs000000001", "ProtectEbsDefaultEncryption", Seed("aws-samples-scp-examples--Deny-disabling-default-EBS-encryption.json"))
        .Policy("p-trail0000001", "ProtectOrganizationTrail", Seed("aws-samples-scp-examples--Deny-modifications-to-specific-CloudTrail-trails.json"))
        .Policy("p-rootuser0001", "DenyRootUser", Seed("aws-samples-scp-examples--Deny-the-root-user-from-performing-actions-except-S3-bucketpolicy-changes.json"))
        .Policy("p-allowlist001", "SandboxAllowedServices", Seed("awsdocs-organizations--orgs_manage_policies_scps_strategies-04.json"))
        .Policy("p-sandbox00001", "ProtectSandbox", Seed("aws-scps-with-terraform--service_control_policy-sandbox.json"))
        .Policy("p-quarantine01", "Quarantine", Seed("lza--lza-sample-config-quarantine.json"))
        .Unit("ou-sem1-security", "Security", RootId, FullAccess, "p-guardduty001", "p-config000001", "p-securityhub1", "p-analyzer0001")
        .Unit("ou-sem1-workload", "Workloads", RootId, FullAccess, "p-baseline0001", "p-regions00001")
        .Unit("ou-sem1-wlprod01", "Prod", "ou-sem1-workload", FullAccess, "p-ebs000000001", "p-trail0000001")
        .Unit(SandboxOu, "Sandbox", RootId, "p-allowlist001", "p-sandbox00001")
        .Unit("ou-sem1-suspend1", "Suspended", RootId, FullAccess, "p-quarantine01")
        .Account(Audit, "audit", "ou-sem1-security", FullAccess)
        .Account(ProdPayments, "prod-payments", "ou-sem1-wlprod01", FullAccess, "p-rootuser0001")
        .Account(DevSandbox, "dev-sandbox", SandboxOu, FullAccess)
        .Account(Quarantined, "ml-research", "ou-sem1-suspend1", FullAccess)
        .Build();

    /// <summary>A stand-in seed SCP with its placeholders filled the way the stand-in's ScpSeed fills them.</summary>
    private static string Seed(string file) => File.ReadAllText(Path.Combine(RepoRoot.Value, "src", "Dashboard.StandIn", "Seed", "scp", file))
        .Replace("${Account}", "*", StringComparison.Ordinal)
        .Replace("${Region}", "*", StringComparison.Ordinal)
        .Replace("${PARTITION}", "aws", StringComparison.Ordinal)
        .Replace("${MANAGEMENT_ACCOUNT_ACCESS_ROLE}", "OrganizationAccountAccessRole", StringComparison.Ordinal)
        .Replace("${ACCELERATOR_PREFIX}", "AWSAccelerator", StringComparison.Ordinal)
        .Replace("[PRIVILEGED_ROLE]", "PlatformAdmin", StringComparison.Ordinal)
        .Replace("[PROTECTED_ROLE_NAME]", "SecurityDashboardReadOnly", StringComparison.Ordinal)
        .Replace("[PROTECTED_ROLE_PREFIX]", "SecurityAudit", StringComparison.Ordinal)
        .Replace("[CLOUDTRAIL_NAME]", "organization-trail", StringComparison.Ordinal)
        .Replace("[BUCKET_TO_PROTECT]", "central-audit-logs", StringComparison.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Dashboard.StandIn", "Seed", "scp"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds src/Dashboard.StandIn/Seed/scp");
    }
}
