using Dashboard.Core.Iam.Evaluation;
using Dashboard.Core.Organizations.Guardrails;

namespace Dashboard.Core.Tests.Organizations.Guardrails;

public sealed class GuardrailCatalogTests
{
    [Fact]
    public void Default_EveryDefinition_IsValidWithAUniqueId()
    {
        // Act
        var problems = GuardrailCatalog.Default.SelectMany(g => g.Validate()).ToList();

        // Assert
        Assert.Empty(problems);
        Assert.Equal(GuardrailCatalog.Default.Count, GuardrailCatalog.Default.Select(g => g.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Default_CoversTheIssuesGuardrails()
    {
        // Arrange: issue 5, section 3.
        string[] expected =
        [
            "leave-organization", "cloudtrail", "config", "guardduty", "securityhub", "access-analyzer", "regions",
            "root-user", "iam-users", "audit-role", "s3-block-public-access", "ebs-encryption", "kms-key-deletion",
        ];

        // Act
        var ids = GuardrailCatalog.Default.Select(g => g.Id).ToList();

        // Assert
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Default_EveryRequestWithPlaceholdersFilled_IsAWellFormedEvaluationRequest()
    {
        // Arrange
        var options = new GuardrailOptions();

        // Act
        var requests = GuardrailCatalog.Default.SelectMany(g => g.Requests).Select(r => new EvaluationRequest
        {
            Principal = PrincipalContext.ForRoot("123456789012"),
            Action = r.Action,
            Resource = options.Fill(r.Resource, "123456789012", "eu-west-1"),
        }).ToList();

        // Assert
        Assert.All(requests, r => Assert.True(r.IsWellFormed, string.Join("; ", r.Validate())));
        Assert.All(requests, r => Assert.DoesNotContain("{", r.Resource, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_GlobalServiceRequests_AreMadeInUsEast1()
    {
        // Act: IAM and Organizations calls carry aws:RequestedRegion us-east-1 in AWS.
        var global = GuardrailCatalog.Default.SelectMany(g => g.Requests)
            .Where(r => r.Action.StartsWith("iam:", StringComparison.Ordinal) || r.Action.StartsWith("organizations:", StringComparison.Ordinal))
            .ToList();

        // Assert
        Assert.NotEmpty(global);
        Assert.All(global, r => Assert.Equal("us-east-1", r.Context["aws:RequestedRegion"]));
    }

    [Fact]
    public void Merge_CustomFile_ReplacesSameIdInPlaceAndAppendsTheRest()
    {
        // Arrange: the documented example file of GUARDRAILS.md (one new guardrail, one replacing root-user).
        var custom = GuardrailDefinitionReader.Read("""
            [{"id": "vpc-peering", "title": "Creating VPC peering connections", "category": "Network",
              "requests": [{"action": "ec2:CreateVpcPeeringConnection", "resource": "arn:{partition}:ec2:{region}:{account}:vpc/*"}]},
             {"id": "root-user", "title": "Root user actions", "category": "Identity",
              "requests": [{"action": "iam:CreateAccessKey", "resource": "arn:{partition}:iam::{account}:root", "principal": "MemberRoot",
                            "context": {"aws:RequestedRegion": "us-east-1"}}]}]
            """);

        // Act
        var merged = GuardrailCatalog.Merge(GuardrailCatalog.Default, custom);

        // Assert
        Assert.Equal([.. GuardrailCatalog.Default.Select(g => g.Id), "vpc-peering"], merged.Select(g => g.Id));
        var rootUser = merged.Single(g => g.Id == "root-user");
        Assert.Same(custom[1], rootUser);
        Assert.Equal(GuardrailPrincipal.MemberRoot, Assert.Single(rootUser.Requests).Principal);
    }
}
