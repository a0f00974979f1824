using Dashboard.Core.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Access;

public sealed class EffectivePermissionsSummaryTests
{
    private static EffectivePermissionsSummary SummaryOf(params string[] policies)
    {
        var snapshot = new AccountBuilder().User("u", inline: policies).Build();
        var access = new IamAccountAccess(snapshot);
        return EffectivePermissionsSummary.For(access.For(access.Find(AccountBuilder.UserArn("u"))));
    }

    [Fact]
    public void For_ServiceWildcardOnAllResources_Full()
    {
        // Arrange, Act
        var summary = SummaryOf(Policy(Allow("s3:*")));

        // Assert
        var s3 = Assert.Single(summary.Services);
        Assert.Equal(("s3", ServiceAccess.Full, false), (s3.Service, s3.Access, s3.ResourceRestricted));
        Assert.Null(summary.AllServices);
    }

    [Fact]
    public void For_ServiceWildcardWithADeny_LimitedNotFull()
    {
        // Arrange, Act
        var summary = SummaryOf(Policy(Allow("s3:*"), Deny("s3:DeleteBucket")));

        // Assert
        var s3 = Assert.Single(summary.Services);
        Assert.Equal(ServiceAccess.Limited, s3.Access);
    }

    [Fact]
    public void For_OnlyListAndDescribe_ListOnly()
    {
        // Arrange, Act
        var summary = SummaryOf(Policy(Allow("[\"ec2:Describe*\", \"ec2:ListImagesInRecycleBin\"]")));

        // Assert
        var ec2 = Assert.Single(summary.Services);
        Assert.Equal(ServiceAccess.ListOnly, ec2.Access);
        Assert.Equal([ActionAccessLevel.List], ec2.Levels);
    }

    [Fact]
    public void For_ReadAndWriteOnNamedBucket_LimitedResourceRestrictedWithLevels()
    {
        // Arrange, Act
        var summary = SummaryOf(Policy(Allow("[\"s3:GetObject\", \"s3:PutObject\", \"s3:PutBucketPolicy\"]", "arn:aws:s3:::reports/*")));

        // Assert
        var s3 = Assert.Single(summary.Services);
        Assert.Equal(ServiceAccess.Limited, s3.Access);
        Assert.True(s3.ResourceRestricted);
        Assert.Equal([ActionAccessLevel.Read, ActionAccessLevel.Write, ActionAccessLevel.PermissionsManagement], s3.Levels);
    }

    [Fact]
    public void For_NotActionOnEverything_AllServicesAndExcludedServiceAbsent()
    {
        // Arrange, Act
        var summary = SummaryOf("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}]}""");

        // Assert
        Assert.NotNull(summary.AllServices);
        Assert.DoesNotContain(summary.Services, s => s.Service == "iam");
    }

    [Fact]
    public void For_ConditionalGrant_MarkedConditional()
    {
        // Arrange, Act
        var summary = SummaryOf(Policy(Allow("sqs:*", condition: """{"Bool": {"aws:SecureTransport": "true"}}""")));

        // Assert
        var sqs = Assert.Single(summary.Services);
        Assert.Equal(ServiceAccess.Full, sqs.Access);
        Assert.True(sqs.Conditional);
    }
}
