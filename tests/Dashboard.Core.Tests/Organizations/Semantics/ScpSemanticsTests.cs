using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Semantics;

/// <summary>
/// SCP semantics end to end (organization → <see cref="EffectivePolicies"/> → <see cref="PolicyEvaluator"/>),
/// written from the AWS Organizations User Guide: "SCP evaluation" (orgs_manage_policies_scps_evaluation:
/// an Allow is needed at every level from the root to the account, a Deny anywhere wins), "Strategies for
/// using SCPs" (orgs_manage_policies_scps_strategies: deny list and allow list), the SCP examples
/// (orgs_manage_policies_scps_examples_general) and "SCPs don't affect users or roles in the management account".
/// </summary>
public sealed class ScpSemanticsTests
{
    private const string Production = "ou-sem1-producti";
    private const string Development = "ou-sem1-developm";
    private const string ProdAccount = "222222222222";
    private const string DevAccount = "333333333333";

    private static readonly string DenyDynamoDb = RealScp("awsdocs-organizations/orgs_manage_policies_scps_strategies-03.json");
    private static readonly string AllowAllButDynamoDb = RealScp("awsdocs-organizations/orgs_manage_policies_scps_strategies-02.json");
    private static readonly string AllowEc2AndCloudWatch = RealScp("awsdocs-organizations/orgs_manage_policies_scps_strategies-04.json");
    private static readonly string DenyOutsideEu = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-01.json");
    private static readonly string RestrictEc2ForRoot = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-05.json");
    private static readonly string DenyLeave = RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-06.json");
    private static readonly string InvalidJson = RealScp("aws-samples-service-control-policy-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json");

    /// <summary>Deny list: FullAWSAccess stays attached everywhere and a Deny SCP at the Production OU blocks DynamoDB there only.</summary>
    [Theory]
    [InlineData(ProdAccount, "dynamodb:PutItem", DecisionKind.ExplicitDeny)]
    [InlineData(ProdAccount, "s3:GetObject", DecisionKind.Allowed)]
    [InlineData(DevAccount, "dynamodb:PutItem", DecisionKind.Allowed)]
    public void DenyList_DenyScpAtOneOu_DeniesOnlyBelowThatOu(string account, string action, DecisionKind expected)
    {
        // Arrange
        var snapshot = TwoOus()
            .Policy("p-denydynamodb", "DenyDynamoDB", DenyDynamoDb)
            .Unit(Production, "Production", RootId, FullAccess, "p-denydynamodb")
            .Build();

        // Act
        var result = Evaluate(snapshot, account, Admin(account), action);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void DenyList_DenyScpAtOu_NamesTheScpAndTheOuLevel()
    {
        // Arrange
        var snapshot = TwoOus()
            .Policy("p-denydynamodb", "DenyDynamoDB", DenyDynamoDb)
            .Unit(Production, "Production", RootId, FullAccess, "p-denydynamodb")
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), "dynamodb:DeleteTable");

        // Assert
        var deny = Assert.Single(result.DecidingStatements);
        Assert.Equal(("DenyDynamoDB", $"OU 'Production' ({Production})"), (deny.PolicyName, deny.Level));
    }

    [Theory]
    [InlineData("dynamodb:GetItem", DecisionKind.ExplicitDeny)]
    [InlineData("sqs:SendMessage", DecisionKind.Allowed)]
    public void DenyList_AllowAndDenyInOneScpReplacingFullAccess_DeniesOnlyTheDeniedService(string action, DecisionKind expected)
    {
        // Arrange: the guide's single-policy variant (AllowsAllActions + DenyDynamoDB) attached instead of FullAWSAccess.
        var snapshot = TwoOus()
            .Policy("p-allowbutdynamo", "AllowAllButDynamoDB", AllowAllButDynamoDb)
            .Unit(Production, "Production", RootId, "p-allowbutdynamo")
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), action);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    /// <summary>Allow list: FullAWSAccess removed at the OU and an SCP allowing EC2 and CloudWatch attached instead.</summary>
    [Theory]
    [InlineData("ec2:RunInstances", DecisionKind.Allowed)]
    [InlineData("cloudwatch:PutMetricData", DecisionKind.Allowed)]
    [InlineData("s3:GetObject", DecisionKind.ImplicitDeny)]
    [InlineData("iam:CreateUser", DecisionKind.ImplicitDeny)]
    public void AllowList_OuWithoutFullAccess_AllowsOnlyTheListedServices(string action, DecisionKind expected)
    {
        // Arrange
        var snapshot = TwoOus()
            .Policy("p-allowec2cw01", "AllowEc2AndCloudWatch", AllowEc2AndCloudWatch)
            .Unit(Production, "Production", RootId, "p-allowec2cw01")
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), action);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void AllowList_UnlistedService_ExplanationNamesTheOuThatDoesNotAllowIt()
    {
        // Arrange
        var snapshot = TwoOus()
            .Policy("p-allowec2cw01", "AllowEc2AndCloudWatch", AllowEc2AndCloudWatch)
            .Unit(Production, "Production", RootId, "p-allowec2cw01")
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), "s3:PutObject");

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains($"OU 'Production' ({Production})", result.Summary, StringComparison.Ordinal);
    }

    /// <summary>
    /// The guide's inheritance example: the parent allows A–E, the child C–G, so accounts below the child
    /// can use only C, D and E; the child cannot re-add F and G, and A and B are filtered out by the child.
    /// </summary>
    [Theory]
    [InlineData("ec2:RunInstances", DecisionKind.ImplicitDeny)] // A: only the parent allows it
    [InlineData("s3:GetObject", DecisionKind.ImplicitDeny)] // B
    [InlineData("sqs:SendMessage", DecisionKind.Allowed)] // C
    [InlineData("sns:Publish", DecisionKind.Allowed)] // D
    [InlineData("kms:Decrypt", DecisionKind.Allowed)] // E
    [InlineData("dynamodb:GetItem", DecisionKind.ImplicitDeny)] // F: only the child allows it
    [InlineData("lambda:InvokeFunction", DecisionKind.ImplicitDeny)] // G
    public void AllowList_LowerLevel_CannotReAddWhatAHigherLevelBlocks(string action, DecisionKind expected)
    {
        // Arrange
        const string parent = "ou-sem1-parent01";
        const string child = "ou-sem1-child001";
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-allowatoe01", "AllowAtoE", Allow("ec2:*", "s3:*", "sqs:*", "sns:*", "kms:*"))
            .Policy("p-allowctog01", "AllowCtoG", Allow("sqs:*", "sns:*", "kms:*", "dynamodb:*", "lambda:*"))
            .Unit(parent, "Parent", RootId, "p-allowatoe01")
            .Unit(child, "Child", parent, "p-allowctog01")
            .Account(ProdAccount, "prod", child, FullAccess)
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), action);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void DenyAnywhere_DenyAttachedToTheAccountItself_WinsOverAllowsAbove()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder()
            .Policy("p-denyleave001", "DenyLeave", DenyLeave)
            .Unit(Production, "Production", RootId, FullAccess)
            .Account(ProdAccount, "prod", Production, FullAccess, "p-denyleave001")
            .Build();

        // Act
        var result = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), "organizations:LeaveOrganization");

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Equal($"Account 'prod' ({ProdAccount})", Assert.Single(result.DecidingStatements).Level);
    }

    /// <summary>The guide's Region example: NotAction leaves global services alone; two roles are exempted by ArnNotLike.</summary>
    [Theory]
    [InlineData("GuardrailProbeAdmin", "ec2:RunInstances", "us-east-1", DecisionKind.ExplicitDeny)]
    [InlineData("GuardrailProbeAdmin", "ec2:RunInstances", "eu-west-1", DecisionKind.Allowed)]
    [InlineData("GuardrailProbeAdmin", "iam:CreateRole", "us-east-1", DecisionKind.Allowed)]
    [InlineData("Role1AllowedToBypassThisSCP", "ec2:RunInstances", "us-east-1", DecisionKind.Allowed)]
    [InlineData("Role2AllowedToBypassThisSCP", "ec2:RunInstances", "ap-east-1", DecisionKind.Allowed)]
    public void NotActionRegionGuardrail_ExemptedRolesAndGlobalServices_AreNotDenied(string role, string action, string region, DecisionKind expected)
    {
        // Arrange
        var snapshot = TwoOus()
            .Policy("p-denyoutsideeu", "DenyAllOutsideEU", DenyOutsideEu)
            .Unit(Production, "Production", RootId, FullAccess, "p-denyoutsideeu")
            .Build();
        var principal = PrincipalContext.ForRole($"arn:aws:iam::{ProdAccount}:role/{role}", new Dictionary<string, string>());

        // Act
        var result = Evaluate(snapshot, ProdAccount, principal, action, ContextKeys.Empty.With("aws:RequestedRegion", region));

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void ManagementAccount_DenyAtTheRoot_DoesNotRestrictIt()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-denyleave001")
            .Policy("p-denyleave001", "DenyLeave", DenyLeave)
            .Account(ProdAccount, "prod", RootId, FullAccess)
            .Build();

        // Act
        var management = Evaluate(snapshot, Management, Admin(Management), "organizations:LeaveOrganization");
        var member = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), "organizations:LeaveOrganization");

        // Assert
        Assert.Equal(DecisionKind.Allowed, management.Kind);
        Assert.Contains(management.Explanation, line => line.Contains("management account", StringComparison.Ordinal));
        Assert.Equal(DecisionKind.ExplicitDeny, member.Kind);
    }

    [Fact]
    public void ServiceLinkedRole_DenyAllExceptBreakGlass_DoesNotRestrictIt()
    {
        // Arrange: a Deny on all of EC2 at the OU; service-linked roles are never restricted by SCPs.
        var snapshot = TwoOus()
            .Policy("p-denyec2only", "DenyEc2", """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"ec2:*","Resource":"*"}]}""")
            .Unit(Production, "Production", RootId, FullAccess, "p-denyec2only")
            .Build();
        var serviceLinked = PrincipalContext.ForRole($"arn:aws:iam::{ProdAccount}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");

        // Act
        var linked = Evaluate(snapshot, ProdAccount, serviceLinked, "ec2:RunInstances");
        var ordinary = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), "ec2:RunInstances");

        // Assert
        Assert.Equal(DecisionKind.Allowed, linked.Kind);
        Assert.Equal(DecisionKind.ExplicitDeny, ordinary.Kind);
    }

    /// <summary>The guide's "RestrictEC2ForRoot" example: member-account root users are restricted, the management account's is not.</summary>
    [Theory]
    [InlineData(ProdAccount, true, DecisionKind.ExplicitDeny)]
    [InlineData(ProdAccount, false, DecisionKind.Allowed)]
    [InlineData(Management, true, DecisionKind.Allowed)]
    public void MemberAccountRoot_RestrictEc2ForRoot_DeniesOnlyMemberRootUsers(string account, bool asRoot, DecisionKind expected)
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder(FullAccess, "p-rootnoec2001")
            .Policy("p-rootnoec2001", "RestrictEC2ForRoot", RestrictEc2ForRoot)
            .Account(ProdAccount, "prod", RootId, FullAccess)
            .Build();
        var principal = asRoot ? PrincipalContext.ForRoot(account) : Admin(account);

        // Act
        var result = Evaluate(snapshot, account, principal, "ec2:RunInstances");

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Theory]
    [InlineData("iam:CreateServiceSpecificCredential")]
    [InlineData("s3:GetObject")]
    public void InvalidScp_OnTheAccountsPath_MakesItsResultsUncertainNeverAllowed(string action)
    {
        // Arrange: the real sample with a // comment inside its JSON, attached to the Development OU.
        var snapshot = TwoOus()
            .Policy("p-invalidjson1", "DenyServiceSpecificCredentialByType", InvalidJson)
            .Unit(Development, "Development", RootId, FullAccess, "p-invalidjson1")
            .Build();

        // Act
        var affected = Evaluate(snapshot, DevAccount, Admin(DevAccount), action);
        var elsewhere = Evaluate(snapshot, ProdAccount, Admin(ProdAccount), action);

        // Assert
        Assert.True(affected.IsUncertain);
        Assert.NotEqual(DecisionKind.Allowed, affected.Kind);
        Assert.Contains("DenyServiceSpecificCredentialByType", affected.UncertainReasons[0], StringComparison.Ordinal);
        Assert.False(elsewhere.IsUncertain);
        Assert.Equal(DecisionKind.Allowed, elsewhere.Kind);
    }

    [Fact]
    public void InvalidScp_OnTheAccountsPath_ReportedOnThePolicyAndGuardrailsUncertain()
    {
        // Arrange: a readable deny sits beside the unreadable SCP, yet the guardrail is never "protected".
        var snapshot = TwoOus()
            .Policy("p-invalidjson1", "DenyServiceSpecificCredentialByType", InvalidJson)
            .Policy("p-denyleave001", "DenyLeave", DenyLeave)
            .Unit(Development, "Development", RootId, FullAccess, "p-invalidjson1", "p-denyleave001")
            .Build();

        // Act
        var problem = Assert.Single(snapshot.PolicyProblems());
        var matrix = GuardrailMatrix.Compute(snapshot);

        // Assert
        Assert.Equal([Development], problem.AttachedTo);
        Assert.Contains("invalid JSON", problem.Error, StringComparison.Ordinal);
        Assert.All(matrix.Row(DevAccount).Cells, cell => Assert.Equal(GuardrailStatus.Uncertain, cell.Status));
        Assert.DoesNotContain(matrix.Row(ProdAccount).Cells, cell => cell.Status == GuardrailStatus.Uncertain);
        Assert.Contains("DenyLeave", matrix.Cell(DevAccount, "leave-organization").Summary, StringComparison.Ordinal);
    }

    private static ScpOrganizationBuilder TwoOus() => new ScpOrganizationBuilder()
        .Unit(Production, "Production", RootId, FullAccess)
        .Unit(Development, "Development", RootId, FullAccess)
        .Account(ProdAccount, "prod", Production, FullAccess)
        .Account(DevAccount, "dev", Development, FullAccess);

    private static string Allow(params string[] actions) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"*"}]}""";

    private static PrincipalContext Admin(string account) =>
        PrincipalContext.ForRole($"arn:aws:iam::{account}:role/GuardrailProbeAdmin", new Dictionary<string, string>());

    private static EvaluationResult Evaluate(OrganizationSnapshot snapshot, string account, PrincipalContext principal, string action, ContextKeys? context = null) =>
        PolicyEvaluator.Evaluate(new EvaluationRequest
        {
            Principal = principal,
            Action = action,
            Context = context ?? ContextKeys.Empty,
            MissingKeys = MissingContextKeys.Absent,
            IdentityPolicies = principal.Kind == PrincipalKind.Root ? [] : [PolicyInput.FromJson("AdministratorAccess", FullAccessContent)],
            ServiceControlPolicies = EffectivePolicies.ForAccount(snapshot, account),
            PrincipalInManagementAccount = snapshot.IsManagementAccount(account),
        });
}
