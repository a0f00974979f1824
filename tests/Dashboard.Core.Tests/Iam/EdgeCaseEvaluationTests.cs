using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>Less common combinations: conditional SCP allows, several denies, other principal kinds.</summary>
public sealed class EdgeCaseEvaluationTests
{
    [Fact]
    public void ConditionalAllowInAnScp_BecomesARequirementForThatLevel()
    {
        // Arrange
        var scp = Policy(Allow("*", "*", """{"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}"""));
        var request = Request("s3:GetObject", "*", FullAwsAccess) with { ServiceControlPolicies = [Level("OU 'Sandbox'", ("AllowOnlyInIreland", scp))] };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        var requirement = Assert.Single(result.AllowedOnlyIf);
        Assert.Equal(("SCPs at OU 'Sandbox'", "aws:RequestedRegion is \"eu-west-1\""), (requirement.Layer, requirement.ConditionText));
    }

    [Fact]
    public void SeveralExplicitDenies_AreAllListed()
    {
        // Arrange
        var request = Request("s3:DeleteBucket", "*", Policy(Allow("*"), Deny("s3:Delete*")), Policy(Deny("s3:*")));

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(2, result.DecidingStatements.Count);
        Assert.EndsWith("(and 1 more).", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitDenyAndImplicitDenyTogether_ReportTheExplicitDeny()
    {
        // Arrange: the boundary allows nothing and a policy denies.
        var request = Request("s3:GetObject", "*", Policy(Deny("s3:GetObject"))) with { PermissionsBoundary = Input("Boundary", Policy(Allow("ec2:*"))) };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
    }

    [Fact]
    public void RootUserAcrossAccounts_NeedsTheResourcePolicy()
    {
        // Arrange
        var request = new EvaluationRequest
        {
            Principal = PrincipalContext.ForRoot(Account),
            Action = "sqs:SendMessage",
            Resource = $"arn:aws:sqs:eu-west-1:{OtherAccount}:q",
        };
        var policy = $$$"""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "{{{Account}}}"}, "Action": "sqs:*", "Resource": "*"}}""";

        // Act
        var without = PolicyEvaluator.Evaluate(request);
        var with = PolicyEvaluator.Evaluate(request with { ResourcePolicy = Input("queue policy", policy) });

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, DecisionKind.Allowed), (without.Kind, with.Kind));
    }

    [Fact]
    public void AnonymousCaller_IsAllowedOnlyByAPublicResourcePolicy()
    {
        // Arrange
        var request = new EvaluationRequest
        {
            Principal = new PrincipalContext { Arn = "*", Kind = PrincipalKind.Anonymous },
            Action = "s3:GetObject",
            Resource = "arn:aws:s3:::public-site/index.html",
        };
        const string bucketPolicy = """{"Version": "2012-10-17", "Statement": {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::public-site/*"}}""";

        // Act
        var without = PolicyEvaluator.Evaluate(request);
        var with = PolicyEvaluator.Evaluate(request with { ResourcePolicy = Input("bucket policy", bucketPolicy) });

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, DecisionKind.Allowed), (without.Kind, with.Kind));
    }

    [Fact]
    public void FederatedProvider_MatchesTheTrustPolicysFederatedPrincipalWithItsCondition()
    {
        // Arrange: a SAML trust policy as in the cloudsplaining example account.
        const string trust = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRoleWithSAML",
             "Principal": {"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"},
             "Condition": {"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}}}
            """;
        var request = new EvaluationRequest
        {
            Principal = new PrincipalContext { Arn = "arn:aws:iam::111122223333:saml-provider/Okta", Kind = PrincipalKind.FederatedIdentity },
            Action = "sts:AssumeRoleWithSAML",
            Resource = "arn:aws:iam::111122223333:role/admins",
            ResourcePolicy = Input("trust policy", trust),
        };

        // Act
        var result = PolicyEvaluator.Evaluate(request);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.Equal("SAML:aud is \"https://signin.aws.amazon.com/saml\"", Assert.Single(result.AllowedOnlyIf).ConditionText);
    }

    [Fact]
    public void MissingKeysAbsent_ReadsTheRequestLikeAws()
    {
        // Arrange
        var policy = Policy(Allow("ec2:*", "*", """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"""));

        // Act
        var result = PolicyEvaluator.Evaluate(Request("ec2:StopInstances", "*", policy) with { MissingKeys = MissingContextKeys.Absent });

        // Assert
        Assert.Equal(DecisionKind.ImplicitDeny, result.Kind);
    }

    [Fact]
    public void SharedPrincipalAndPolicies_GiveTheSameAnswerEveryTime()
    {
        // Arrange: compiled policies and principals are reused across many evaluations.
        var identity = Input("p", Policy(Allow("s3:Get*", "arn:aws:s3:::data/*")));
        var requests = Enumerable.Range(0, 50).Select(i => new EvaluationRequest
        {
            Principal = Alice,
            Action = i % 2 == 0 ? "s3:GetObject" : "s3:PutObject",
            Resource = $"arn:aws:s3:::data/{i}",
            IdentityPolicies = [identity],
        });

        // Act
        var kinds = requests.AsParallel().AsOrdered().Select(r => PolicyEvaluator.Evaluate(r).Kind).ToList();

        // Assert
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? DecisionKind.Allowed : DecisionKind.ImplicitDeny), kinds);
    }
}
