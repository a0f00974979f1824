using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>SCP semantics from the AWS Organizations User Guide ("SCP evaluation", "strategies", examples).</summary>
public sealed class ServiceControlPolicyTests
{
    private const string Root = "Root r-ab12";
    private const string ProdOu = "OU 'Prod'";
    private const string AccountLevel = "Account 111122223333";

    private static readonly string AllowEc2AndCloudWatch = ScpFile("orgs_manage_policies_scps_strategies-04.json");
    private static readonly string DenyDynamoDb = ScpFile("orgs_manage_policies_scps_strategies-03.json");

    private static string ScpFile(string name) =>
        File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", "awsdocs-organizations", name));

    private static EvaluationRequest Admin(string action, string resource, params OrganizationPolicyLevel[] levels) =>
        Request(action, resource, FullAwsAccess) with { ServiceControlPolicies = levels };

    [Fact]
    public void DenyList_FullAwsAccessAtEveryLevel_AllowsWhatIdentityAllows()
    {
        // Arrange
        var request = Admin("s3:GetObject", "*", Level(Root, ("FullAWSAccess", FullAwsAccess)), Level(ProdOu, ("FullAWSAccess", FullAwsAccess)), Level(AccountLevel, ("FullAWSAccess", FullAwsAccess)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Equal(3, result.DecidingStatements.Count(s => s.PolicyKind == PolicyKind.ServiceControl));
    }

    [Fact]
    public void DenyList_DenyAtAnOu_DeniesAndNamesTheScpAndLevel()
    {
        // Arrange
        var request = Admin(
            "dynamodb:PutItem",
            "*",
            Level(Root, ("FullAWSAccess", FullAwsAccess)),
            Level(ProdOu, ("FullAWSAccess", FullAwsAccess), ("DenyDynamoDB", DenyDynamoDb)),
            Level(AccountLevel, ("FullAWSAccess", FullAwsAccess)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        var deny = Assert.Single(result.DecidingStatements);
        Assert.Equal((PolicyKind.ServiceControl, "DenyDynamoDB", ProdOu), (deny.PolicyKind, deny.PolicyName, deny.Level));
        Assert.Contains("SCP 'DenyDynamoDB' at OU 'Prod'", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ec2:RunInstances", DecisionKind.Allowed)]
    [InlineData("cloudwatch:PutMetricData", DecisionKind.Allowed)]
    [InlineData("s3:GetObject", DecisionKind.ImplicitDeny)]
    public void AllowList_MidLevelOuWithoutTheService_DeniesIt(string action, DecisionKind expected)
    {
        // Arrange: the OU replaced FullAWSAccess with an allow list of EC2 and CloudWatch.
        var request = Admin(
            action,
            "*",
            Level(Root, ("FullAWSAccess", FullAwsAccess)),
            Level(ProdOu, ("AllowEc2AndCloudWatch", AllowEc2AndCloudWatch)),
            Level(AccountLevel, ("FullAWSAccess", FullAwsAccess)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void AllowList_ImplicitDeny_NamesTheLevelThatDoesNotAllow()
    {
        // Arrange
        var request = Admin("s3:GetObject", "*", Level(Root, ("FullAWSAccess", FullAwsAccess)), Level(ProdOu, ("AllowEc2AndCloudWatch", AllowEc2AndCloudWatch)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.StartsWith("Implicitly denied: no SCP attached at OU 'Prod' allows s3:GetObject", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void LowerLevel_CannotReAddWhatAHigherLevelLeavesOut()
    {
        // Arrange: the root allows only EC2 and CloudWatch; the OU and account attach FullAWSAccess.
        var request = Admin(
            "s3:GetObject",
            "*",
            Level(Root, ("AllowEc2AndCloudWatch", AllowEc2AndCloudWatch)),
            Level(ProdOu, ("FullAWSAccess", FullAwsAccess)),
            Level(AccountLevel, ("FullAWSAccess", FullAwsAccess)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains($"no SCP attached at {Root} allows", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ScpsGrantNothing_IdentityPolicyIsStillNeeded()
    {
        // Arrange
        var request = Request("s3:GetObject") with { ServiceControlPolicies = [Level(Root, ("FullAWSAccess", FullAwsAccess))] };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void LevelWithNoScpAttached_AllowsNothing()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Admin("s3:GetObject", "*", Level(Root, ("FullAWSAccess", FullAwsAccess)), Level(ProdOu)));

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("no SCP is attached at OU 'Prod'", result.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1", "arn:aws:iam::111122223333:role/Developer", DecisionKind.Allowed)]
    [InlineData("us-east-1", "arn:aws:iam::111122223333:role/Developer", DecisionKind.ExplicitDeny)]
    [InlineData("us-east-1", "arn:aws:iam::111122223333:role/Role1AllowedToBypassThisSCP", DecisionKind.Allowed)]
    public void RegionGuardrail_DeniesOutsideAllowedRegionsExceptForTheExemptedRole(string region, string roleArn, DecisionKind expected)
    {
        // Arrange: the Organizations guide's "DenyAllOutsideEU" example, read from shared/data.
        var request = Admin("ec2:RunInstances", "*", Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyAllOutsideEU", ScpFile("orgs_manage_policies_scps_examples_general-01.json")))) with
        {
            Principal = PrincipalContext.ForRole(roleArn),
            Context = ContextKeys.Empty.With("aws:RequestedRegion", region),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void RegionGuardrail_GlobalServiceInNotAction_IsNotDenied()
    {
        // Arrange
        var request = Admin("iam:CreateRole", "*", Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyAllOutsideEU", ScpFile("orgs_manage_policies_scps_examples_general-01.json")))) with
        {
            Context = ContextKeys.Empty.With("aws:RequestedRegion", "us-east-1"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void RegionGuardrail_UnknownRegion_SaysDeniedIfOutsideTheAllowedRegions()
    {
        // Arrange
        var request = Admin("ec2:RunInstances", "*", Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyAllOutsideEU", ScpFile("orgs_manage_policies_scps_examples_general-01.json")))) with
        {
            Principal = PrincipalContext.ForRole("arn:aws:iam::111122223333:role/Developer"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        var deniedIf = Assert.Single(result.DeniedIf);
        Assert.Equal(("DenyAllOutsideEU", Root), (deniedIf.Statement.PolicyName, deniedIf.Statement.Level));
        Assert.Equal("aws:RequestedRegion is none of \"eu-central-1\", \"eu-west-1\" (or absent)", deniedIf.ConditionText);
    }

    [Fact]
    public void ManagementAccount_IsNotRestrictedByScps()
    {
        // Arrange
        var request = Admin("dynamodb:PutItem", "*", Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyDynamoDB", DenyDynamoDb))) with
        {
            PrincipalInManagementAccount = true,
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Contains(result.Explanation, l => l.Contains("management account", StringComparison.Ordinal));
    }

    [Fact]
    public void ServiceLinkedRole_IsNotRestrictedByScps()
    {
        // Arrange
        var request = Admin("dynamodb:PutItem", "*", Level(Root, ("DenyDynamoDB", DenyDynamoDb))) with
        {
            Principal = PrincipalContext.ForRole("arn:aws:iam::111122223333:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable"),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Contains("SCPs do not apply to service-linked roles.", result.Explanation);
    }

    [Fact]
    public void MemberAccountRootUser_IsRestrictedByScps()
    {
        // Arrange: the aws-samples SCP that limits the root user to bucket-policy repair.
        var scp = File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", "aws-samples-service-control-policy-examples", "Privileged-access-controls", "Deny-the-root-user-from-performing-actions-except-S3-bucketpolicy-changes.json"));
        var request = new EvaluationRequest
        {
            Principal = PrincipalContext.ForRoot(Account),
            Action = "iam:CreateUser",
            ServiceControlPolicies = [Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyRoot", scp))],
        };

        // Act
        var denied = PolicyEvaluator.Evaluate(request);
        var allowed = PolicyEvaluator.Evaluate(request with { Action = "s3:PutBucketPolicy" });

        // Assert
        Assert.Equal((DecisionKind.ExplicitDeny, DecisionKind.Allowed), (denied.Kind, allowed.Kind));
    }

    [Fact]
    public void ManagementAccountRootUser_IsNotRestricted()
    {
        // Arrange
        var request = new EvaluationRequest
        {
            Principal = PrincipalContext.ForRoot(Account),
            Action = "organizations:LeaveOrganization",
            ServiceControlPolicies = [Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyLeaving", Policy(Deny("organizations:LeaveOrganization"))))],
            PrincipalInManagementAccount = true,
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void UnparseableScp_MakesTheResultUncertainNeverAllowed()
    {
        // Arrange: the one real SCP that is invalid JSON sits beside FullAWSAccess.
        var broken = File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", "aws-samples-service-control-policy-examples", "Service-specific-controls", "AWS-IAM", "deny-service-specific-credential-by-type.json"));
        var request = Admin("iam:CreateServiceSpecificCredential", "*", Level(Root, ("FullAWSAccess", FullAwsAccess), ("DenyServiceCredentials", broken)));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.False(result.IsAllowed);
        Assert.True(result.IsUncertain);
        Assert.Contains("'DenyServiceCredentials' could not be parsed (invalid JSON", result.UncertainReasons[0], StringComparison.Ordinal);
        Assert.Contains("uncertain", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparseableScpAloneAtALevel_IsImplicitDenyAndUncertain()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Admin("s3:GetObject", "*", Level(Root, ("Broken", "{"))));

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, true), (result.Kind, result.IsUncertain));
    }

    [Fact]
    public void UnparseableScpInAnExemptAccount_IsIgnored()
    {
        // Arrange
        var request = Admin("s3:GetObject", "*", Level(Root, ("Broken", "{"))) with { PrincipalInManagementAccount = true };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal((DecisionKind.Allowed, false), (result.Kind, result.IsUncertain));
    }

    [Theory]
    [InlineData("false", DecisionKind.ExplicitDeny)]
    [InlineData("true", DecisionKind.Allowed)]
    public void ResourceControlPolicy_DeniesInsecureTransportToTheResource(string secureTransport, DecisionKind expected)
    {
        // Arrange: the RCP from aws-samples/aws-scps-with-terraform.
        var rcp = File.ReadAllText(Path.Combine(SharedData.Root, "data", "scp", "aws-samples-aws-scps-with-terraform", "resource_control_policy", "root.json"));
        var request = Request("s3:GetObject", "arn:aws:s3:::data/x", FullAwsAccess) with
        {
            ResourceControlPolicies = [Level(Root, ("RCPFullAWSAccess", """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}}"""), ("EnforceSecureTransport", rcp))],
            Context = ContextKeys.Empty.With("aws:SecureTransport", secureTransport),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void ResourceControlPolicy_ResourceInManagementAccount_IsExempt()
    {
        // Arrange
        var request = Request("s3:GetObject", "arn:aws:s3:::data/x", FullAwsAccess) with
        {
            ResourceControlPolicies = [Level(Root, ("DenyAll", Policy(Deny("*"))))],
            ResourceInManagementAccount = true,
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }
}
