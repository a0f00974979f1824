using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam;

/// <summary>
/// NotPrincipal as the IAM User Guide describes it: naming a role does not exclude its sessions, naming the
/// account does not exclude its users, and a Deny that names the caller but not its account (or role) "might"
/// still deny, so it is reported as "denied if" instead of being dropped.
/// </summary>
public sealed class NotPrincipalTests
{
    private const string Bucket = "arn:aws:s3:::audit/report.csv";
    private static readonly string Root = $"arn:aws:iam::{Account}:root";

    private static EvaluationResult Evaluate(PrincipalContext caller, params string[] notPrincipals)
    {
        var listed = string.Join(", ", notPrincipals.Select(p => $"\"{p}\""));
        var bucketPolicy = $$"""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Deny", "NotPrincipal": {"AWS": [{{listed}}]}, "Action": "s3:*", "Resource": "*"}]}
            """;
        return PolicyEvaluator.Evaluate(new EvaluationRequest
        {
            Principal = caller,
            Action = "s3:GetObject",
            Resource = Bucket,
            IdentityPolicies = [Input("reader", Policy(Allow("s3:GetObject")))],
            ResourcePolicy = Input("bucket policy", bucketPolicy),
        });
    }

    [Fact]
    public void Deny_RoleArnListedButNotTheSession_DeniesTheSession()
    {
        // Act: the common mistake: the role's sessions are not excluded by the role's ARN.
        var result = Evaluate(AppRole, AppRole.Arn, Root);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
    }

    [Fact]
    public void Deny_SessionRoleAndAccountListed_SparesTheSession()
    {
        // Act
        var result = Evaluate(AppRole, AppRole.SessionArn!, AppRole.Arn, Root);

        // Assert
        Assert.Equal(DecisionKind.Allowed, result.Kind);
    }

    [Fact]
    public void Deny_OnlyTheAccountListed_DeniesItsUsers()
    {
        // Act
        var result = Evaluate(Alice, Root);

        // Assert
        Assert.Equal(DecisionKind.ExplicitDeny, result.Kind);
    }

    [Fact]
    public void Deny_UserListedWithoutItsAccount_IsDeniedIfTheAccountIsCheckedFirst()
    {
        // Act
        var result = Evaluate(Alice, Alice.Arn);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        var denied = Assert.Single(result.DeniedIf);
        Assert.Equal([Root], Assert.Single(denied.Clauses).Values);
        Assert.Contains(Root, result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Deny_SessionListedWithoutItsRole_NamesTheMissingRoleAndAccount()
    {
        // Act
        var result = Evaluate(AppRole, AppRole.SessionArn!);

        // Assert
        Assert.Equal(DecisionKind.ConditionallyAllowed, result.Kind);
        Assert.Equal([AppRole.Arn, Root], Assert.Single(Assert.Single(result.DeniedIf).Clauses).Values);
    }

    [Fact]
    public void Allow_NotPrincipalNamingTheCaller_ExcludesIt()
    {
        // Arrange: Allow with NotPrincipal grants everybody except the listed ones.
        var bucketPolicy = $$"""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "NotPrincipal": {"AWS": "{{Alice.Arn}}"}, "Action": "s3:GetObject", "Resource": "*"}]}
            """;
        var request = new EvaluationRequest { Principal = Alice, Action = "s3:GetObject", Resource = Bucket, ResourcePolicy = Input("bucket policy", bucketPolicy) };

        // Act
        var alice = PolicyEvaluator.Evaluate(request);
        var role = PolicyEvaluator.Evaluate(request with { Principal = AppRole });

        // Assert
        Assert.Equal((DecisionKind.ImplicitDeny, DecisionKind.Allowed), (alice.Kind, role.Kind));
    }
}
