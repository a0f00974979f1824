using Dashboard.Core.Iam.Access;

namespace Dashboard.Core.Tests.Iam.Access;

public sealed class ActionAccessLevelsTests
{
    [Theory]
    [InlineData("ec2:DescribeInstances", ActionAccessLevel.List)]
    [InlineData("s3:ListBucket", ActionAccessLevel.List)]
    [InlineData("s3:GetObject", ActionAccessLevel.Read)]
    [InlineData("dynamodb:BatchGetItem", ActionAccessLevel.Read)]
    [InlineData("s3:ListTagsForResource", ActionAccessLevel.Read)]
    [InlineData("ec2:CreateTags", ActionAccessLevel.Tagging)]
    [InlineData("lambda:TagResource", ActionAccessLevel.Tagging)]
    [InlineData("s3:PutBucketPolicy", ActionAccessLevel.PermissionsManagement)]
    [InlineData("iam:PassRole", ActionAccessLevel.PermissionsManagement)]
    [InlineData("sns:AddPermission", ActionAccessLevel.PermissionsManagement)]
    [InlineData("ecr-public:SetRepositoryPolicy", ActionAccessLevel.Write)]
    [InlineData("ec2:RunInstances", ActionAccessLevel.Write)]
    [InlineData("s3:Getaway", ActionAccessLevel.Write)]
    [InlineData("s3:Get*", ActionAccessLevel.Read)]
    public void Classify_ByCatalogueAndVerb_ExpectedLevel(string action, ActionAccessLevel expected)
    {
        // Arrange, Act
        var level = ActionAccessLevels.Classify(action);

        // Assert
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("*", "dashboardprobe:DashboardProbeAction")]
    [InlineData("s3:*", "s3:DashboardProbeAction")]
    [InlineData("s3:Get*", "s3:GetDashboardProbeAction")]
    [InlineData("s3:GetObject", "s3:GetObject")]
    [InlineData("*:Get*", "dashboardprobe:GetDashboardProbeAction")]
    public void ForPattern_Wildcards_ConcreteProbeAction(string pattern, string expected)
    {
        // Arrange, Act
        var probe = ActionProbes.ForPattern(pattern);

        // Assert
        Assert.Equal(expected, probe);
    }

    [Fact]
    public void PermissionsManagementActions_Catalogue_NoDuplicatesAndAllServiceQualified()
    {
        // Arrange, Act
        var all = PermissionsManagementActions.All;

        // Assert
        Assert.Equal(all.Count, all.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, a => Assert.Matches("^[a-z0-9-]+:[A-Za-z0-9]+$", a));
        Assert.Equal(294, all.Count);
    }
}
