using Dashboard.Core.Organizations;
using static Dashboard.Core.Tests.Organizations.OrganizationTestKit;

namespace Dashboard.Core.Tests.Organizations;

public sealed class OrganizationSnapshotTests
{
    [Fact]
    public void Create_ValidTree_OrdersUnitsParentsFirstAndFindsChildren()
    {
        // Act
        var snapshot = Snapshot();

        // Assert
        Assert.Equal([Workloads, Prod, Sandbox], snapshot.OrganizationalUnits.Select(u => u.Id));
        Assert.Equal([Workloads, Sandbox], snapshot.ChildOrganizationalUnits(RootId).Select(u => u.Id));
        Assert.Equal([ProdAccount], snapshot.AccountsIn(Prod).Select(a => a.Id));
        Assert.Equal([RootId, Workloads, Prod, ProdAccount], snapshot.PathTo(ProdAccount));
        Assert.True(snapshot.IsManagementAccount(Management));
    }

    [Fact]
    public void DiscoverAccounts_SuspendedAccount_IsSkippedAndManagementMarked()
    {
        // Arrange
        var snapshot = Snapshot();

        // Act
        var discovered = snapshot.DiscoverAccounts();

        // Assert
        Assert.Equal([Management, ProdAccount, SandboxAccount], discovered.Select(a => a.AccountId));
        Assert.Equal([Management], discovered.Where(a => a.IsManagement).Select(a => a.AccountId));
    }

    [Fact]
    public void Create_InconsistentTree_ListsEveryProblem()
    {
        // Arrange: an OU under a missing parent, a duplicate account, an attachment to a missing policy and target.
        var units = Units().Append(new OrganizationalUnit("ou-ab12-orphan01", "Orphan", "ou-ab12-missing1"));
        var accounts = Accounts().Append(new OrganizationAccount(ProdAccount, "again", "x@example.com", "ACTIVE", RootId));
        var attachments = Attachments();
        attachments[Prod] = [FullAwsAccessId, "p-notthere1"];
        attachments["999999999999"] = [FullAwsAccessId];

        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() =>
            OrganizationSnapshot.Create(Details(), Root(), units, accounts, Policies(), attachments, "test org"));

        // Assert
        Assert.Equal("test org", error.Origin);
        Assert.Contains(error.Problems, p => p.Contains("ou-ab12-missing1, which is neither the root nor an OU", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains($"account id {ProdAccount} appears more than once", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("has policy p-notthere1 attached, which is not among the policies", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains("attached to 999999999999, which is not the root", StringComparison.Ordinal));
        Assert.Equal(4, error.Problems.Count);
    }

    [Fact]
    public void Create_OuCycle_IsRefusedNotLoopedOn()
    {
        // Arrange
        OrganizationalUnit[] units = [new("ou-ab12-aaaaaaaa", "A", "ou-ab12-bbbbbbbb"), new("ou-ab12-bbbbbbbb", "B", "ou-ab12-aaaaaaaa")];

        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() =>
            OrganizationSnapshot.Create(Details(), Root(), units, [Accounts()[0]], Policies(), new Dictionary<string, IReadOnlyList<string>>()));

        // Assert
        Assert.Contains(error.Problems, p => p.Contains("is its own ancestor", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ManagementAccountMissing_IsRefused()
    {
        // Act
        var error = Assert.Throws<InvalidOrganizationException>(() =>
            OrganizationSnapshot.Create(Details(), Root(), Units(), Accounts().Skip(1), Policies(), new Dictionary<string, IReadOnlyList<string>>()));

        // Assert
        Assert.Contains($"the management account {Management} is not among the accounts.", error.Problems);
    }

    [Fact]
    public void PolicyProblems_UnparsableScp_NamesPolicyReasonAndTargets()
    {
        // Arrange
        var snapshot = Snapshot(denyContent: """{"Version":"2012-10-17","Statement":[{"Effect":"Deny" "Action":"*"}]}""");

        // Act
        var problems = snapshot.PolicyProblems();

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal((DenyDynamoDbId, "DenyDynamoDB"), (problem.PolicyId, problem.PolicyName));
        Assert.Contains("invalid JSON", problem.Error, StringComparison.Ordinal);
        Assert.Equal([Prod], problem.AttachedTo);
    }

    [Fact]
    public void PathTo_UnknownTarget_ThrowsNamingIt()
    {
        // Arrange
        var snapshot = Snapshot();

        // Act
        var error = Assert.Throws<ArgumentException>(() => snapshot.PathTo("555555555555"));

        // Assert
        Assert.Contains("555555555555 is not the root, an OU or an account", error.Message, StringComparison.Ordinal);
    }
}
