using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Permissions;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class CategoryRulesTests
{
    private static RiskResult? RunOn(IamRiskRule rule, params string[] policies) =>
        For(Run(rule, new AccountBuilder().User("u", inline: policies).Build()), "u");

    [Fact]
    public void DataExfiltration_GetObjectAndSecretsOnStar_ListsThem()
    {
        // Arrange, Act
        var result = RunOn(new DataExfiltrationRule(), Policy(Allow("[\"s3:GetObject\", \"secretsmanager:GetSecretValue\", \"s3:ListBucket\"]")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["s3:GetObject", "secretsmanager:GetSecretValue"], result.Items);
    }

    [Fact]
    public void DataExfiltration_GetObjectOnOneBucket_NotUnrestricted()
    {
        // Arrange, Act
        var result = RunOn(new DataExfiltrationRule(), Policy(Allow("s3:GetObject", "arn:aws:s3:::reports/*")));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void DataExfiltration_AllowThenDenySecrets_OnlyWhatStaysAllowed()
    {
        // Arrange, Act
        var result = RunOn(new DataExfiltrationRule(), Policy(Allow("[\"s3:GetObject\", \"secretsmanager:*\"]"), Deny("secretsmanager:GetSecretValue")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["s3:GetObject"], result.Items);
    }

    [Fact]
    public void ResourceExposure_BucketPolicyAndKmsGrants_Listed()
    {
        // Arrange, Act
        var result = RunOn(new ResourceExposureRule(), Policy(Allow("[\"s3:PutBucketPolicy\", \"kms:CreateGrant\", \"s3:PutObject\"]")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["kms:CreateGrant", "s3:PutBucketPolicy"], result.Items);
    }

    [Fact]
    public void CredentialsExposure_CreateAccessKeyAndEcrToken_Listed()
    {
        // Arrange, Act
        var result = RunOn(new CredentialsExposureRule(), Policy(Allow("[\"iam:CreateAccessKey\", \"ecr:GetAuthorizationToken\"]")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["ecr:GetAuthorizationToken", "iam:CreateAccessKey"], result.Items);
    }

    [Fact]
    public void ServiceWildcard_S3Star_FlagsS3Only()
    {
        // Arrange, Act
        var result = RunOn(new ServiceWildcardRule(), Policy(Allow("s3:*"), Allow("ec2:Describe*")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["s3"], result.Items);
    }

    [Fact]
    public void ServiceWildcard_S3StarOnOneBucket_NotUnrestricted()
    {
        // Arrange, Act
        var result = RunOn(new ServiceWildcardRule(), Policy(Allow("s3:*", "arn:aws:s3:::reports")));

        // Assert
        Assert.Null(result);
    }

    [Fact]
    public void InfrastructureModification_WritePatternsOnly_ReadsLeftOut()
    {
        // Arrange, Act
        var result = RunOn(new InfrastructureModificationRule(), Policy(Allow("[\"ec2:RunInstances\", \"ec2:Describe*\", \"s3:Get*\", \"dynamodb:Delete*\"]")));

        // Assert
        Assert.NotNull(result);
        Assert.Equal(["dynamodb:Delete*", "ec2:RunInstances"], result.Items);
    }

    [Fact]
    public void CategoryRules_Administrator_LeftToTheAdminRule()
    {
        // Arrange
        IamRiskRule[] rules = [new DataExfiltrationRule(), new ResourceExposureRule(), new CredentialsExposureRule(), new ServiceWildcardRule(), new InfrastructureModificationRule()];
        var snapshot = new AccountBuilder().User("admin", inline: [FullAwsAccess]).Build();

        // Act
        var results = new IamRiskAnalyzer(RiskClock.Instance, rules).Analyze(snapshot);

        // Assert
        Assert.Empty(results);
    }
}
