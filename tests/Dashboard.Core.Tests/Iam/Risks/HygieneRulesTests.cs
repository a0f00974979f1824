using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Core.Iam.Risks.Rules.Account;
using Dashboard.Core.Iam.Risks.Rules.Users;
using Dashboard.Core.Tests.Iam.Access;
using static Dashboard.Core.Tests.Iam.IamTestKit;
using static Dashboard.Core.Tests.Iam.Risks.RiskTestKit;

namespace Dashboard.Core.Tests.Iam.Risks;

public sealed class HygieneRulesTests
{
    [Fact]
    public void UserInlinePolicies_UserWithInline_FlaggedWithPolicyNames()
    {
        // Arrange
        var snapshot = new AccountBuilder().User("a", inline: [Policy(Allow("s3:*"))]).User("b").Build();

        // Act
        var result = Assert.Single(Run(new UserInlinePoliciesRule(), snapshot));

        // Assert
        Assert.Equal("a", result.ResourceName);
        Assert.Equal(["inline-1"], result.Items);
    }

    [Fact]
    public void UserDirectAttachments_AttachedToUserNotGroup_FlaggedWithArns()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("P", Policy(Allow("s3:*")), attachments: 2)
            .Group("g", attached: ["P"])
            .User("direct", attached: ["P"])
            .User("grouped", groups: ["g"])
            .Build();

        // Act
        var result = Assert.Single(Run(new UserDirectAttachmentsRule(), snapshot));

        // Assert
        Assert.Equal("direct", result.ResourceName);
        Assert.Equal([AccountBuilder.PolicyArn("P")], result.Items);
    }

    [Fact]
    public void UnusedCustomerPolicy_NotAttached_FlaggedButAwsManagedIgnored()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("Orphan", Policy(Allow("s3:*")), attachments: 0)
            .Policy("InUse", Policy(Allow("s3:*")), attachments: 1)
            .Policy("ReadOnlyAccess", Policy(Allow("s3:Get*")), attachments: 0, awsManaged: true)
            .Build();

        // Act
        var result = Assert.Single(Run(new UnusedCustomerPolicyRule(), snapshot));

        // Assert
        Assert.Equal(AccountBuilder.PolicyArn("Orphan"), result.ResourceArn);
    }

    [Fact]
    public void InactiveRole_LastUsedLongAgo_Flagged()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Role("old", lastUsed: new IamRoleLastUsed(RiskClock.Now.AddDays(-120), "eu-west-1"), created: RiskClock.Now.AddDays(-900))
            .Role("fresh", lastUsed: new IamRoleLastUsed(RiskClock.Now.AddDays(-3), "eu-west-1"), created: RiskClock.Now.AddDays(-900))
            .Build();

        // Act
        var result = Assert.Single(Run(new InactiveRoleRule(), snapshot));

        // Assert
        Assert.Equal("Role 'old' was last used on 2025-02-01 (120 days ago); threshold 90 days.", result.Message);
    }

    [Fact]
    public void InactiveRole_NeverUsed_FlaggedOnlyWhenOlderThanThreshold()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Role("never-old", lastUsed: new IamRoleLastUsed(null, null), created: RiskClock.Now.AddDays(-200))
            .Role("never-new", lastUsed: new IamRoleLastUsed(null, null), created: RiskClock.Now.AddDays(-10))
            .Role("unknown", lastUsed: null, created: RiskClock.Now.AddDays(-900))
            .Role("AWSServiceRoleForSupport", lastUsed: new IamRoleLastUsed(null, null), created: RiskClock.Now.AddDays(-900), path: "/aws-service-role/support.amazonaws.com/")
            .Build();

        // Act
        var results = Run(new InactiveRoleRule(), snapshot);

        // Assert
        Assert.Equal(["never-old"], results.Select(r => r.ResourceName));
    }

    [Fact]
    public void UnreadablePolicy_ManagedAndInlineOnUserGroupRole_EachReportedWithTheParseError()
    {
        // Arrange
        const string broken = "{\"Statement\": 42}";
        var snapshot = new AccountBuilder()
            .Policy("bad-managed", broken, attachments: 3)
            .Policy("good-managed", Policy(Allow("s3:*")))
            .User("u", inline: [broken, Policy(Allow("s3:*"))])
            .Group("g", inline: [broken])
            .Role("r", inline: [broken])
            .User("fine", inline: [Policy(Allow("s3:*"))])
            .Build();

        // Act
        var results = Run(new UnreadablePolicyRule(), snapshot);

        // Assert
        Assert.Equal(
            [("bad-managed", RiskResourceType.ManagedPolicy), ("u", RiskResourceType.User), ("g", RiskResourceType.Group), ("r", RiskResourceType.Role)],
            results.Select(r => (r.ResourceName, r.ResourceType)));
        Assert.All(results, r => Assert.Contains(r.Explanation, l => l.Contains("'Statement' must be an object or an array", StringComparison.Ordinal)));
        Assert.Equal(["inline-1"], results[1].Items);
        Assert.Contains("attached 3 times", results[0].Message, StringComparison.Ordinal);
    }
}
