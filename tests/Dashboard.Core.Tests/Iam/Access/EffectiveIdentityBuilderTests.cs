using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;
using static Dashboard.Core.Tests.Iam.IamTestKit;

namespace Dashboard.Core.Tests.Iam.Access;

public sealed class EffectiveIdentityBuilderTests
{
    [Fact]
    public void ForUser_InlineAttachedAndGroupPolicies_AllIncludedWithReadableNames()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("ReadS3", Policy(Allow("s3:GetObject")))
            .Policy("AdministratorAccess", FullAwsAccess, awsManaged: true)
            .Group("admins", inline: [Policy(Allow("ec2:*"))], attached: ["AdministratorAccess"])
            .User("alice", inline: [Policy(Allow("sqs:*"))], attached: ["ReadS3"], groups: ["admins"])
            .Build();

        // Act
        var identity = new EffectiveIdentityBuilder(snapshot).ForUser(snapshot.Users[0]);

        // Assert
        Assert.Equal(
            [
                "inline policy inline-1 on user alice",
                $"managed policy {AccountBuilder.PolicyArn("ReadS3")} attached to user alice",
                "inline policy inline-1 on group admins",
                "managed policy arn:aws:iam::aws:policy/AdministratorAccess attached to group admins",
            ],
            identity.IdentityPolicies.Select(p => p.Name));
        Assert.All(identity.IdentityPolicies, p => Assert.True(p.Parsed.IsSuccess));
        Assert.Equal(PrincipalKind.User, identity.Kind);
    }

    [Fact]
    public void ForRole_WithBoundary_BoundaryKeptApartFromIdentityPolicies()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("Boundary", Policy(Allow("s3:*")))
            .Role("app", inline: [FullAwsAccess], boundary: "Boundary")
            .Build();

        // Act
        var identity = new EffectiveIdentityBuilder(snapshot).ForRole(snapshot.Roles[0]);

        // Assert
        Assert.Single(identity.IdentityPolicies);
        Assert.Equal($"permissions boundary {AccountBuilder.PolicyArn("Boundary")}", identity.PermissionsBoundary?.Name);
        Assert.Equal(PrincipalKind.Role, identity.Kind);
    }

    [Fact]
    public void ForUser_AttachedPolicyMissingFromSnapshot_UnreadableWithReason()
    {
        // Arrange
        var snapshot = new AccountBuilder().User("bob", attached: ["Gone"], groups: ["ghosts"]).Build();

        // Act
        var identity = new EffectiveIdentityBuilder(snapshot).ForUser(snapshot.Users[0]);

        // Assert
        var reasons = identity.UnreadablePolicies.Select(p => p.Parsed.Error).ToList();
        Assert.Contains(reasons, r => r!.Contains("is not in the snapshot, so its permissions are unknown", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r!.Contains("group 'ghosts' is not in the snapshot", StringComparison.Ordinal));
    }

    [Fact]
    public void ForUser_TwoUsersSharingAGroup_ShareTheParsedDocuments()
    {
        // Arrange
        var snapshot = new AccountBuilder()
            .Policy("Shared", Policy(Allow("s3:*")))
            .Group("team", attached: ["Shared"])
            .User("a", groups: ["team"])
            .User("b", groups: ["team"])
            .Build();
        var builder = new EffectiveIdentityBuilder(snapshot);

        // Act
        var first = builder.ForUser(snapshot.Users[0]).IdentityPolicies.Single();
        var second = builder.ForUser(snapshot.Users[1]).IdentityPolicies.Single();

        // Assert
        Assert.Same(first.Parsed, second.Parsed);
    }

    [Fact]
    public void ForRoot_Always_RootPrincipalOfTheAccount()
    {
        // Arrange
        var snapshot = new AccountBuilder().Build();

        // Act
        var root = new EffectiveIdentityBuilder(snapshot).ForRoot();

        // Assert
        Assert.True(root.IsRoot);
        Assert.Equal(AccountBuilder.RootArn, root.Arn);
    }
}
