using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Capabilities;
using Dashboard.Core.Iam.Risks.Rules.Permissions;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class PrivilegeEscalationTests
{
    private static RiskResult? Escalation(AccountBuilder builder, string principal, RiskAnalysisOptions? options = null, IReadOnlyList<OrganizationPolicyLevel>? scps = null) =>
        For(Run(new PrivilegeEscalationRule(), builder.Build(), options, scps), principal);

    [Fact]
    public void Catalogue_Ids_UniqueAndEveryPermissionMethodHasSteps()
    {
        // Arrange
        var methods = PrivilegeEscalationCatalog.Methods;

        // Act
        var ids = methods.Select(m => m.Id).ToList();

        // Assert
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(methods.Where(m => m.Kind == EscalationMethodKind.Permissions), m => Assert.NotEmpty(m.Steps));
        Assert.Equal(22, methods.Count(m => m.Source.StartsWith("Rhino", StringComparison.Ordinal)));
        Assert.Equal(59, methods.Count(m => m.InCloudsplaining));
        Assert.All(methods, m => Assert.StartsWith("https://", m.Reference, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_PassRoleAndRunInstancesInTwoPolicies_CreateEc2WithExistingIp()
    {
        // Arrange: IAM-Vulnerable's fn1: naive per-policy tools miss the combination.
        var builder = new AccountBuilder()
            .Role("target", trust: AccountBuilder.TrustService("ec2.amazonaws.com"))
            .User("dev", inline: [Policy(Allow("iam:PassRole")), Policy(Allow("ec2:RunInstances"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["CreateEC2WithExistingIP"], result.Items);
        Assert.Contains(result.Explanation, l => l.Contains("iam:PassRole on *: allowed by identity-based policy 'inline policy inline-1 on user dev'", StringComparison.Ordinal));
        Assert.Contains(result.Explanation, l => l.Contains("ec2:RunInstances on *: allowed by identity-based policy 'inline policy inline-2 on user dev'", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_PassRoleLimitedToLambda_LambdaMethodDefiniteAndEc2MethodNotFlagged()
    {
        // Arrange: AWS's recommended iam:PassedToService condition; each method passes the role to its own service.
        var passToLambda = """{"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}""";
        var builder = new AccountBuilder()
            .Role("target", trust: AccountBuilder.TrustService("lambda.amazonaws.com"))
            .User("dev", inline: [Policy(Allow("iam:PassRole", "*", passToLambda), Allow("[\"lambda:CreateFunction\", \"lambda:InvokeFunction\", \"ec2:RunInstances\"]"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Fail, result.Status);
        Assert.Contains("PassExistingRoleToNewLambdaThenInvoke", result.Items);
        Assert.DoesNotContain("CreateEC2WithExistingIP", result.Items.Concat(result.ConditionalItems));
    }

    [Fact]
    public void Scan_CreatePolicyVersionOnExistingCustomerPolicy_FlaggedOnThatPolicy()
    {
        // Arrange: fn2: a resource constraint that still covers a policy of the account.
        var builder = new AccountBuilder()
            .Policy("team-policy", Policy(Allow("s3:GetObject")))
            .User("dev", inline: [Policy(Allow("iam:CreatePolicyVersion", "arn:aws:iam::*:policy/team-*"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["CreateNewPolicyVersion"], result.Items);
        Assert.Contains(result.Explanation, l => l.Contains($"iam:CreatePolicyVersion on {AccountBuilder.PolicyArn("team-policy")}: allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_CreatePolicyVersionOnlyOnAwsManagedPolicies_NotFlagged()
    {
        // Arrange: fp4: AWS-managed policies cannot be changed.
        var builder = new AccountBuilder()
            .Policy("team-policy", Policy(Allow("s3:GetObject")))
            .User("dev", inline: [Policy(Allow("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/*"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Scan_CreateAccessKeyOnlyForSelf_NotFlagged()
    {
        // Arrange: the usual "manage your own keys" statement escalates nothing.
        var builder = new AccountBuilder()
            .User("other")
            .User("dev", inline: [Policy(Allow("iam:CreateAccessKey", "arn:aws:iam::*:user/${aws:username}"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Scan_AttachUserPolicyOnSelf_Flagged()
    {
        // Arrange
        var builder = new AccountBuilder().User("dev", inline: [Policy(Allow("iam:AttachUserPolicy", "arn:aws:iam::*:user/${aws:username}"))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.NotNull(result);
        Assert.Contains("AttachUserPolicy", result.Items);
    }

    [Fact]
    public void Scan_PermissionsBoundaryWithoutIam_NotFlagged()
    {
        // Arrange
        var builder = new AccountBuilder()
            .Policy("NoIam", """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}""")
            .User("dev", inline: [Policy(Allow("iam:PutUserPolicy"))], boundary: "NoIam");

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void Scan_ScpDeniesTheAction_MitigatedNamingTheScpAndLevel()
    {
        // Arrange
        var builder = new AccountBuilder().User("dev", inline: [Policy(Allow("iam:PutUserPolicy"))]);
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoIam", Policy(Deny("iam:*"))))];

        // Act
        var result = Escalation(builder, "dev", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal((RiskStatus.Mitigated, Severity.Medium), (result.Status, result.Severity));
        Assert.Equal(["PutUserPolicy"], result.Items);
        Assert.Contains("could escalate its privileges by its own policies (1 method: PutUserPolicy), but the organization's SCPs block it: SCP 'NoIam' at Root r-1", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Explanation, l => l.Contains("With SCPs, iam:PutUserPolicy on *: Explicitly denied by SCP 'NoIam' at Root r-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_AllowListOuWithoutIam_MitigatedNamingTheLevel()
    {
        // Arrange: the allow-list strategy: a lower level that allows only S3 takes PassRole away.
        var builder = new AccountBuilder()
            .Role("target", trust: AccountBuilder.TrustService("ec2.amazonaws.com"))
            .User("dev", inline: [Policy(Allow("[\"iam:PassRole\", \"ec2:RunInstances\"]"))]);
        OrganizationPolicyLevel[] scps =
        [
            Level("Root r-1", ("FullAWSAccess", FullAwsAccess)),
            Level("OU 'Sandbox'", ("AllowEc2AndS3", Policy(Allow("[\"ec2:*\", \"s3:*\"]")))),
        ];

        // Act
        var result = Escalation(builder, "dev", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Mitigated, result.Status);
        Assert.Contains("CreateEC2WithExistingIP", result.Items);
        Assert.Contains("OU 'Sandbox', where no SCP allows iam:PassRole", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Explanation, l => l.Contains("ec2:RunInstances on", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_ScpBlocksOneMethodOfTwo_FailListsTheOpenOneAndNamesTheBlockedOne()
    {
        // Arrange: identity-only escalations the SCPs leave open stay a failure.
        var builder = new AccountBuilder()
            .Role("target", trust: AccountBuilder.TrustService("ec2.amazonaws.com"))
            .User("dev", inline: [Policy(Allow("[\"iam:PutUserPolicy\", \"iam:PassRole\", \"ec2:RunInstances\"]"))]);
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoInlinePolicies", Policy(Deny("iam:Put*"))))];

        // Act
        var result = Escalation(builder, "dev", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Fail, result.Status);
        Assert.Contains("CreateEC2WithExistingIP", result.Items);
        Assert.DoesNotContain("PutUserPolicy", result.Items);
        Assert.Contains("SCPs block 1 more method (PutUserPolicy)", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Explanation, l => l.StartsWith("PutUserPolicy (", StringComparison.Ordinal) && l.Contains("blocked by SCP 'NoInlinePolicies' at Root r-1", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_ScpsAllowEverything_FailAsWithoutScps()
    {
        // Arrange
        var builder = new AccountBuilder().User("dev", inline: [Policy(Allow("iam:PutUserPolicy"))]);
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess))];

        // Act
        var result = Escalation(builder, "dev", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Fail, result.Status);
        Assert.DoesNotContain("SCPs", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_AdministratorBlockedByScps_LeftToTheAdministratorRule()
    {
        // Arrange: the administrator rule reports it as mitigated; listing every method again would be noise.
        var builder = new AccountBuilder().User("admin", inline: [FullAwsAccess]);
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoIam", Policy(Deny("iam:*"))))];

        // Act
        var result = Escalation(builder, "admin", scps: scps);

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void RoleChain_EndRoleAdminOnlyByItsOwnPolicies_MitigatedNamingTheScp()
    {
        // Arrange: "starting" can assume "ending", an administrator the SCPs stop from IAM changes.
        var builder = new AccountBuilder()
            .Role("starting")
            .Role("ending", trust: AccountBuilder.TrustAws(AccountBuilder.RoleArn("starting")), inline: [FullAwsAccess]);
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess), ("NoIam", Policy(Deny("iam:*"))))];

        // Act
        var result = Escalation(builder, "starting", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Mitigated, result.Status);
        Assert.Equal(["AssumePrivilegedRole"], result.Items);
        Assert.Contains("SCP 'NoIam' at Root r-1", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Explanation, l => l.Contains("With SCPs, iam:CreateUser on *: Explicitly denied", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleChain_ScpDeniesAssumingTheRole_MitigatedNamingTheHop()
    {
        // Arrange
        var builder = new AccountBuilder()
            .Role("starting")
            .Role("ending", trust: AccountBuilder.TrustAws(AccountBuilder.RoleArn("starting")), inline: [FullAwsAccess]);
        var denyAssume = Policy(Deny("sts:AssumeRole", AccountBuilder.RoleArn("ending")));
        OrganizationPolicyLevel[] scps = [Level("Root r-1", ("FullAWSAccess", FullAwsAccess)), Level("OU 'Prod'", ("FullAWSAccess", FullAwsAccess), ("ProtectEnding", denyAssume))];

        // Act
        var result = Escalation(builder, "starting", scps: scps);

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Mitigated, result.Status);
        Assert.Contains("SCP 'ProtectEnding' at OU 'Prod'", result.Message, StringComparison.Ordinal);
        Assert.Contains(result.Explanation, l => l.Contains($"With SCPs, sts:AssumeRole on {AccountBuilder.RoleArn("ending")}", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_OnlyFromTheOfficeNetwork_ConditionalWithTheCondition()
    {
        // Arrange
        var builder = new AccountBuilder().User("dev", inline: [Policy(Allow("iam:PutUserPolicy", condition: """{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}"""))]);

        // Act
        var result = Escalation(builder, "dev");

        // Assert
        Assert.NotNull(result);
        Assert.Equal(RiskStatus.Conditional, result.Status);
        Assert.Empty(result.Items);
        Assert.Equal(["PutUserPolicy"], result.ConditionalItems);
        Assert.Contains(result.Explanation, l => l.Contains("aws:SourceIp", StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_Administrator_NotReportedAsEscalation()
    {
        // Arrange
        var builder = new AccountBuilder().User("admin", inline: [FullAwsAccess]);

        // Act
        var result = Escalation(builder, "admin");

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void RoleChain_StartingRoleToAdminThroughIntermediate_AssumePrivilegedRoleWithPath()
    {
        // Arrange: IAM-Vulnerable's AssumeRole chain; trust naming a role is enough within one account.
        var builder = new AccountBuilder()
            .Role("starting")
            .Role("intermediate", trust: AccountBuilder.TrustAws(AccountBuilder.RoleArn("starting")))
            .Role("ending", trust: AccountBuilder.TrustAws(AccountBuilder.RoleArn("intermediate")), inline: [FullAwsAccess]);

        // Act
        var snapshotResults = Run(new PrivilegeEscalationRule(), builder.Build());

        // Assert
        var starting = For(snapshotResults, "starting");
        Assert.NotNull(starting);
        Assert.Equal(["AssumePrivilegedRole"], starting.Items);
        Assert.StartsWith("AssumePrivilegedRole: starting → intermediate → ending", starting.Explanation[0], StringComparison.Ordinal);
        Assert.NotNull(For(snapshotResults, "intermediate"));
        Assert.Null(For(snapshotResults, "ending"));
    }

    [Fact]
    public void RoleChain_RoleTrustsAccountButCallerHasNoAssumeRolePermission_NotFlagged()
    {
        // Arrange
        var builder = new AccountBuilder()
            .User("dev", inline: [Policy(Allow("s3:GetObject"))])
            .User("ops", inline: [Policy(Allow("sts:AssumeRole", AccountBuilder.RoleArn("admin")))])
            .Role("admin", trust: AccountBuilder.TrustAws(AccountBuilder.RootArn), inline: [FullAwsAccess]);

        // Act
        var results = Run(new PrivilegeEscalationRule(), builder.Build());

        // Assert
        Assert.Null(For(results, "dev"));
        Assert.Equal(["AssumePrivilegedRole"], For(results, "ops")?.Items);
    }
}
