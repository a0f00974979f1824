using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;

namespace Dashboard.Aws.Tests.Organizations;

/// <summary>
/// Effective SCPs of the stand-in's generated organization, as collected over the wire, run through the
/// policy evaluator: the real SCP examples at each level decide as the AWS documentation says they should.
/// </summary>
public sealed class GeneratedOrganizationPolicyTests(StandInOrganizationFixture fixture) : IClassFixture<StandInOrganizationFixture>
{
    [Fact]
    public async Task ForAccount_EveryAccount_ChainRunsRootToAccountAndEverySeedScpParses()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();

        // Act
        var chains = snapshot.Accounts.Select(a => (Account: a, Chain: EffectivePolicies.ChainFor(snapshot, a.Id))).ToList();

        // Assert
        Assert.Empty(snapshot.PolicyProblems());
        Assert.All(chains, c =>
        {
            Assert.Equal(OrganizationTargetKind.Root, c.Chain[0].Kind);
            Assert.Equal(c.Account.Id, c.Chain[^1].TargetId);
            Assert.InRange(c.Chain.Count, 2, 5);
            Assert.All(c.Chain, level => Assert.InRange(level.Policies.Count, 1, 5));
        });
    }

    [Fact]
    public async Task ChainFor_AllowListOu_HasNoFullAwsAccessWhileEveryOtherLevelHasIt()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();
        var sandbox = snapshot.OrganizationalUnits.Single(u => u.Name == "Sandbox");

        // Act
        var withoutFullAccess = snapshot.Attachments
            .Where(a => !snapshot.PoliciesAttachedTo(a.Key, OrganizationPolicyTypes.ServiceControlPolicy).Any(p => p.Name == "FullAWSAccess"))
            .Select(a => a.Key)
            .ToList();

        // Assert
        Assert.Equal([sandbox.Id], withoutFullAccess);
        Assert.Contains(snapshot.PoliciesAttachedTo(sandbox.Id), p => p.Name == "SandboxAllowedServices");
    }

    [Fact]
    public async Task Evaluate_LeavingTheOrganization_DeniedAtTheRoot()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();

        // Act
        var result = Evaluate(snapshot, "prod-web", "organizations:LeaveOrganization");

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Contains(result.DecidingStatements, s => s.PolicyName == "DenyLeaveOrganization" && s.Level == $"Root ({snapshot.Root.Id})");
    }

    [Fact]
    public async Task Evaluate_DisablingEbsDefaultEncryptionInProd_DeniedExceptForThePrivilegedRole()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();

        // Act
        var admin = Evaluate(snapshot, "prod-payments", "ec2:DisableEbsEncryptionByDefault");
        var platform = Evaluate(snapshot, "prod-payments", "ec2:DisableEbsEncryptionByDefault", role: "PlatformAdmin");

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, admin.Kind);
        Assert.Contains(admin.DecidingStatements, s => s.PolicyName == "ProtectEbsDefaultEncryption" && s.Level!.StartsWith("OU 'Prod'", StringComparison.Ordinal));
        Assert.Equal(DecisionKind.Allowed, platform.Kind);
    }

    [Fact]
    public async Task Evaluate_RegionalServiceOutsideAllowedRegions_DeniedForWorkloadsOnly()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();

        // Act
        var workload = Evaluate(snapshot, "prod-web", "ec2:RunInstances", region: "us-east-1");
        var infrastructure = Evaluate(snapshot, "shared-services", "ec2:RunInstances", region: "us-east-1");

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, workload.Kind);
        Assert.Contains(workload.DecidingStatements, s => s.PolicyName == "RegionRestriction" && s.Level!.StartsWith("OU 'Workloads'", StringComparison.Ordinal));
        Assert.Equal(DecisionKind.Allowed, infrastructure.Kind);
    }

    [Fact]
    public async Task Evaluate_ServiceOutsideTheSandboxAllowList_ImplicitlyDeniedAtTheSandboxOu()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();

        // Act
        var s3 = Evaluate(snapshot, "dev-sandbox", "s3:GetObject");
        var ec2 = Evaluate(snapshot, "dev-sandbox", "ec2:DescribeInstances");

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, s3.Kind);
        Assert.Contains("OU 'Sandbox'", s3.Summary, StringComparison.Ordinal);
        Assert.Equal(DecisionKind.Allowed, ec2.Kind);
    }

    [Fact]
    public async Task Evaluate_ChangingTheDashboardAuditRole_DeniedEverywhereButForTheManagementAccount()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();
        var member = snapshot.Accounts.Single(a => a.Name == "log-archive");
        var resource = $"arn:aws:iam::{member.Id}:role/SecurityDashboardReadOnly";

        // Act
        var memberResult = Evaluate(snapshot, "log-archive", "iam:UpdateAssumeRolePolicy", resource: resource);
        var managementResult = Evaluate(snapshot, "management", "iam:UpdateAssumeRolePolicy", resource: resource.Replace(member.Id, snapshot.ManagementAccountId, StringComparison.Ordinal));

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, memberResult.Kind);
        Assert.Contains(memberResult.DecidingStatements, s => s.PolicyName == "ProtectDashboardAuditRole");
        Assert.Equal(DecisionKind.Allowed, managementResult.Kind);
    }

    [Fact]
    public async Task Evaluate_SuspendedAccount_QuarantinedForEveryoneButBreakGlass()
    {
        // Arrange
        var snapshot = await fixture.SnapshotAsync();
        var suspended = snapshot.Accounts.Single(a => !a.IsActive);

        // Act
        var admin = Evaluate(snapshot, suspended.Name, "s3:ListAllMyBuckets");
        var breakGlass = Evaluate(snapshot, suspended.Name, "s3:ListAllMyBuckets", role: "OrganizationAccountAccessRole");

        // Assert
        Assert.Equal("SUSPENDED", suspended.Status);
        Assert.Equal(DecisionKind.ExplicitDeny, admin.Kind);
        Assert.Contains(admin.DecidingStatements, s => s.PolicyName == "Quarantine");
        Assert.Equal(DecisionKind.Allowed, breakGlass.Kind);
    }

    private static EvaluationResult Evaluate(OrganizationSnapshot snapshot, string accountName, string action, string role = "Admin", string region = "eu-west-1", string resource = "*")
    {
        var account = snapshot.Accounts.Single(a => a.Name == accountName);
        return PolicyEvaluator.Evaluate(new EvaluationRequest
        {
            Principal = PrincipalContext.ForRole($"arn:aws:iam::{account.Id}:role/{role}", sessionName: "test"),
            Action = action,
            Resource = resource,
            Context = ContextKeys.Empty.With("aws:RequestedRegion", region),
            MissingKeys = MissingContextKeys.Absent,
            IdentityPolicies = [PolicyInput.FromJson("AdministratorAccess", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")],
            ServiceControlPolicies = EffectivePolicies.ForAccount(snapshot, account.Id),
            PrincipalInManagementAccount = snapshot.IsManagementAccount(account.Id),
        });
    }
}
