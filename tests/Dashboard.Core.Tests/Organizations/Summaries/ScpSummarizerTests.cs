using Dashboard.Core.Iam.Policies;
using Dashboard.Core.Organizations.Summaries;
using static Dashboard.Core.Tests.Organizations.ScpOrganizationBuilder;

namespace Dashboard.Core.Tests.Organizations.Summaries;

public sealed class ScpSummarizerTests
{
    private static readonly string ScpRoot = Path.Combine(SharedData.Root, "data", "scp");

    public static TheoryData<string> EveryRealScp()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(ScpRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(ScpRoot, file).Replace(Path.DirectorySeparatorChar, '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRealScp))]
    public void Summarize_EveryRealScp_OneSentencePerStatementOrTheParseError(string relativePath)
    {
        // Arrange
        var content = RealScp(relativePath);
        var parsed = PolicyParser.ParseMaybeUrlEncoded(content);

        // Act
        var summary = ScpSummarizer.Summarize(relativePath, content);

        // Assert
        Assert.Equal(parsed.IsSuccess, summary.IsReadable);
        if (summary.IsReadable)
        {
            Assert.Equal(parsed.Policy!.Statements.Count, summary.Statements.Count);
            Assert.All(summary.Statements, s => Assert.Matches(@"^(Denies|Allows) .+\.$", s.Text));
        }
        else
        {
            Assert.StartsWith("Cannot be summarised", summary.Text, StringComparison.Ordinal);
            Assert.Contains(parsed.Error!, summary.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_examples_general-06.json", "Denies organizations:LeaveOrganization on all resources.")]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_strategies-01.json", "Allows all actions on all resources.")]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_strategies-02.json", "Allows all actions on all resources. Denies dynamodb:* on all resources.")]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_strategies-04.json", "Allows ec2:* and cloudwatch:* on all resources.")]
    [InlineData("awsdocs-organizations/orgs_manage_policies_scps_examples_general-05.json", "Denies ec2:* on all resources when aws:PrincipalArn is like arn:aws:iam::*:root.")]
    [InlineData(
        "awsdocs-organizations/orgs_manage_policies_scps_examples_general-04.json",
        "Denies ec2:StopInstances and ec2:TerminateInstances on all resources when aws:MultiFactorAuthPresent is false (where present).")]
    [InlineData(
        "awsdocs-organizations/orgs_manage_policies_scps_examples_general-03.json",
        "Denies 10 actions (iam:AttachRolePolicy, iam:DeleteRole, iam:DeleteRolePermissionsBoundary, iam:DeleteRolePolicy, iam:DetachRolePolicy, iam:PutRolePermissionsBoundary, iam:PutRolePolicy, iam:UpdateAssumeRolePolicy and 2 more) on arn:aws:iam::*:role/name-of-role-to-deny, unless aws:PrincipalARN is like arn:aws:iam::*:role/name-of-admin-role-to-allow.")]
    [InlineData(
        "aws-samples-aws-scps-with-terraform/resource_control_policy/root.json",
        "Denies sts:*, s3:*, sqs:*, secretsmanager:* and kms:* on all resources for any principal when aws:SecureTransport is false (where present).")]
    public void Summarize_HandCheckedRealScps_ReadsAsExpected(string relativePath, string expected)
    {
        // Act
        var summary = ScpSummarizer.Summarize(relativePath, RealScp(relativePath));

        // Assert
        Assert.Equal(expected, summary.Text);
    }

    [Fact]
    public void Summarize_NotActionRegionGuardrail_ListsExceptionsConditionAndExemptedRoles()
    {
        // Act
        var summary = ScpSummarizer.Summarize("DenyAllOutsideEU", RealScp("awsdocs-organizations/orgs_manage_policies_scps_examples_general-01.json"));

        // Assert
        var statement = Assert.Single(summary.Statements);
        Assert.Equal("'DenyAllOutsideEU'", statement.Label);
        Assert.Equal(
            "Denies all actions except a4b:*, acm:*, aws-marketplace-management:*, aws-marketplace:*, aws-portal:*, budgets:*, ce:*, chime:* and 30 more "
            + "on all resources when aws:RequestedRegion is not eu-central-1 or eu-west-1, "
            + "unless aws:PrincipalARN is like arn:aws:iam::*:role/Role1AllowedToBypassThisSCP or arn:aws:iam::*:role/Role2AllowedToBypassThisSCP.",
            statement.Text);
    }

    [Fact]
    public void Summarize_NotResource_SaysAllResourcesExcept()
    {
        // Act
        var summary = ScpSummarizer.Summarize("bedrock", RealScp("aws-samples-service-control-policy-examples/Service-specific-controls/Amazon-Bedrock/Deny-Bedrock-model-invocation-except-approved-models.json"));

        // Assert
        Assert.Equal(
            "Denies bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream and bedrock:PutFoundationModelEntitlement on all resources except arn:aws:bedrock:*::foundation-model/<unique-identifier>.*.",
            summary.Statements[0].Text);
        Assert.Equal(PolicyEffect.Deny, Assert.Single(summary.Denies, s => s.Index == 0).Effect);
        Assert.Empty(summary.Allows);
    }

    [Fact]
    public void Summarize_InvalidJsonSample_IsUnreadableWithTheParserReason()
    {
        // Act
        var summary = ScpSummarizer.Summarize("by-type", RealScp("aws-samples-service-control-policy-examples/Service-specific-controls/AWS-IAM/deny-service-specific-credential-by-type.json"));

        // Assert
        Assert.False(summary.IsReadable);
        Assert.Empty(summary.Statements);
        Assert.Contains("invalid JSON", summary.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}""")]
    public void Summarize_MalformedContent_NeverThrows(string? content)
    {
        // Act
        var summary = ScpSummarizer.Summarize("bad", content);

        // Assert
        Assert.False(summary.IsReadable);
        Assert.False(string.IsNullOrWhiteSpace(summary.Error));
    }

    [Fact]
    public void Summarize_SnapshotPolicy_UsesTheSnapshotsParsedPolicy()
    {
        // Arrange
        var snapshot = new ScpOrganizationBuilder().Build();

        // Act
        var summary = ScpSummarizer.Summarize(snapshot, FullAccess);

        // Assert
        Assert.Equal("FullAWSAccess", summary.PolicyName);
        Assert.Equal("Allows all actions on all resources.", summary.Text);
    }

    [Fact]
    public void Summarize_AllowWithCondition_SaysOnlyWhen()
    {
        // Arrange
        const string content = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":["data","ml"]}}}]}""";

        // Act
        var summary = ScpSummarizer.Summarize("tagged", content);

        // Assert
        Assert.Equal("Allows s3:* on all resources only when aws:PrincipalTag/team is data or ml.", summary.Text);
    }
}
