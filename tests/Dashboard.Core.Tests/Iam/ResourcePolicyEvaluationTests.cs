using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Resource-based policies within one account and across accounts.</summary>
public sealed class ResourcePolicyEvaluationTests
{
    private const string Queue = $"arn:aws:sqs:us-east-1:{Account}:orders";
    private const string ForeignQueue = $"arn:aws:sqs:us-east-1:{OtherAccount}:orders";

    private static string ResourcePolicy(string principal, string action = "sqs:SendMessage", string effect = "Allow") =>
        $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "{{{effect}}}", "Principal": {{{principal}}}, "Action": "{{{action}}}", "Resource": "*"}}""";

    [Fact]
    public void Evaluate_SameAccountResourcePolicyNamingTheUser_AllowsWithoutIdentityPolicy()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{Alice.Arn}}"}""")),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Equal(PolicyKind.ResourceBased, Assert.Single(result.DecidingStatements).PolicyKind);
    }

    [Fact]
    public void Evaluate_SameAccountResourcePolicyNamingTheUser_IsNotLimitedByTheBoundary()
    {
        // Arrange: "an implicit deny in a permissions boundary does not limit the permissions granted to an IAM user by a resource-based policy".
        var request = Request("sqs:SendMessage", Queue) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{Alice.Arn}}"}""")),
            PermissionsBoundary = Input("boundary", Policy(Allow("s3:*"))),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_ResourcePolicyNamingTheRole_IsStillLimitedByTheBoundary()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue) with
        {
            Principal = AppRole,
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{AppRole.Arn}}"}""")),
            PermissionsBoundary = Input("boundary", Policy(Allow("s3:*"))),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void Evaluate_ResourcePolicyNamingTheRoleSession_IsNotLimitedByTheSessionPolicy()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue) with
        {
            Principal = AppRole,
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{AppRole.SessionArn}}"}""")),
            SessionPolicies = [Input("session", Policy(Allow("s3:*")))],
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Evaluate_ResourcePolicyNamingOnlyTheAccount_DelegatesToIdentityPolicies()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue) with { ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{Account}}"}""")) };

        // Act
        var withoutIdentity = PolicyEvaluator.Evaluate(request);
        var withIdentity = PolicyEvaluator.Evaluate(request with { IdentityPolicies = [Input("send", Policy(Allow("sqs:SendMessage")))] });

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, DecisionKind.Allowed), (withoutIdentity.Kind, withIdentity.Kind));
    }

    [Fact]
    public void Evaluate_ResourcePolicyForSomeoneElse_DoesNotAllow()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "arn:aws:iam::{{Account}}:user/bob"}""")),
            Verbose = true,
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains(result.Trace, t => t.Outcome == StatementOutcome.PrincipalNotMatched);
    }

    [Fact]
    public void Evaluate_DenyInResourcePolicy_OverridesIdentityAllow()
    {
        // Arrange
        var request = Request("sqs:SendMessage", Queue, Policy(Allow("sqs:*"))) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy("\"*\"", effect: "Deny")),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
        Assert.Equal(PolicyKind.ResourceBased, result.DecidingStatements[0].PolicyKind);
    }

    [Fact]
    public void Evaluate_CrossAccountWithOnlyTheResourcePolicy_IsImplicitlyDenied()
    {
        // Arrange
        var request = Request("sqs:SendMessage", ForeignQueue) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "{{Account}}"}""")),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("no identity-based policy in account 111122223333", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CrossAccountWithOnlyTheIdentityPolicy_IsImplicitlyDenied()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("sqs:SendMessage", ForeignQueue, Policy(Allow("sqs:*"))));

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("cross-account request needs its resource-based policy", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CrossAccountWithBothSides_IsAllowed()
    {
        // Arrange: the account principal is enough on the resource side across accounts.
        var request = Request("sqs:SendMessage", ForeignQueue, Policy(Allow("sqs:*"))) with
        {
            ResourcePolicy = Input("queue policy", ResourcePolicy($$"""{"AWS": "arn:aws:iam::{{Account}}:root"}""")),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Contains(result.Explanation, l => l.StartsWith("Cross-account request", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ExplicitResourceAccount_MakesAnS3RequestCrossAccount()
    {
        // Arrange: S3 ARNs carry no account.
        var request = Request("s3:GetObject", "arn:aws:s3:::partner-bucket/x", Policy(Allow("s3:*"))) with { ResourceAccount = OtherAccount };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void Evaluate_TrustPolicyForAService_AllowsThatService()
    {
        // Arrange: a role's trust policy is the resource policy of sts:AssumeRole.
        const string trust = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}""";
        var request = new EvaluationRequest
        {
            Principal = PrincipalContext.ForService("ec2.amazonaws.com"),
            Action = "sts:AssumeRole",
            Resource = $"arn:aws:iam::{Account}:role/web",
            ResourcePolicy = Input("trust policy of web", trust),
        };

        // Act
        var ec2 = PolicyEvaluator.Evaluate(request);
        var lambda = PolicyEvaluator.Evaluate(request with { Principal = PrincipalContext.ForService("lambda.amazonaws.com") });

        // Assert
        Assert.Equal((DecisionKind.Allowed, DecisionKind.ImplicitDeny), (ec2.Kind, lambda.Kind));
    }

    [Fact]
    public void Evaluate_NotPrincipalDeny_SparesOnlyTheListedPrincipal()
    {
        // Arrange
        var policy = $$"""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": "*", "Action": "sqs:*", "Resource": "*"},
              {"Effect": "Deny", "NotPrincipal": {"AWS": ["{{Alice.Arn}}", "arn:aws:iam::{{Account}}:root"]}, "Action": "sqs:DeleteQueue", "Resource": "*"}]}
            """;
        var request = Request("sqs:DeleteQueue", Queue) with { ResourcePolicy = Input("queue policy", policy) };

        // Act
        var alice = PolicyEvaluator.Evaluate(request);
        var role = PolicyEvaluator.Evaluate(request with { Principal = AppRole });

        // Assert
        Assert.Equal((DecisionKind.Allowed, DecisionKind.ExplicitDeny), (alice.Kind, role.Kind));
    }

    [Fact]
    public void Evaluate_RootUser_HasFullAccessToItsOwnAccount()
    {
        // Act
        var result = PolicyEvaluator.Evaluate(Request("iam:DeleteAccountPasswordPolicy") with { Principal = PrincipalContext.ForRoot(Account) });

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
        Assert.Contains(result.Explanation, l => l.Contains("root user has full access", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("arn:aws:iam::111122223333:root", DecisionKind.Allowed)]
    [InlineData("arn:aws:iam::111122223333:user/bob", DecisionKind.ImplicitDeny)]
    public void Evaluate_AssumeRoleInOneAccount_TheTrustPolicyMustAllowEvenWhenTheIdentityPolicyDoes(string trusted, DecisionKind expected)
    {
        // Arrange: role trust policies are the exception to "identity or resource policy" within one account.
        var role = $"arn:aws:iam::{Account}:role/deploy";
        var trust = $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "{{{trusted}}}"}, "Action": "sts:AssumeRole"}}""";
        var request = Request("sts:AssumeRole", role, Policy(Allow("sts:AssumeRole"))) with { ResourcePolicy = Input("trust policy", trust) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void Evaluate_RootUserAssumingARole_IsDeniedWhateverTheTrustPolicySays()
    {
        // Arrange
        const string trust = """{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}}""";
        var request = Request("sts:AssumeRole", $"arn:aws:iam::{Account}:role/deploy") with
        {
            Principal = PrincipalContext.ForRoot(Account),
            ResourcePolicy = Input("trust policy", trust),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
        Assert.Contains("root user cannot assume roles", result.Summary, StringComparison.Ordinal);
    }
}
