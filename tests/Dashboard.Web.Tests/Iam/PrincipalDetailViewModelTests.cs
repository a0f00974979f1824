using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Risks;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

public sealed class PrincipalDetailViewModelTests
{
    private const string EscalationRule = "iam_principal_no_privilege_escalation";

    private static PrincipalDetailViewModel Detail(string arn, Dashboard.Core.Organizations.OrganizationSnapshot? organization = null)
        => PrincipalDetailViewModel.Build(IamTestData.Example, arn, IamTestData.Risks, organization, IamTestData.Now)
           ?? throw new InvalidOperationException($"no detail for {arn}");

    [Fact]
    public void Build_PrivescRole_ListsItsRisksWithTheEscalationMethod()
    {
        // Arrange
        var arn = IamTestData.RoleArn("privesc4-CreateAccessKey-role");

        // Act
        var detail = Detail(arn);

        // Assert
        Assert.Equal(IamEntityKind.Role, detail.Kind);
        Assert.All(detail.Risks, r => Assert.Equal(arn, r.ResourceArn));
        var escalation = Assert.Single(detail.Risks, r => r.RuleId == EscalationRule);
        Assert.Equal(RiskStatus.Fail, escalation.Status);
        Assert.Contains("CreateAccessKey", escalation.Items);
        Assert.False(string.IsNullOrWhiteSpace(escalation.Explanation));
    }

    [Fact]
    public void Build_PrivescRole_ShowsAttachedPolicyJsonAndTrustPolicy()
    {
        // Act
        var detail = Detail(IamTestData.RoleArn("privesc4-CreateAccessKey-role"));

        // Assert
        var policy = Assert.Single(detail.Policies);
        Assert.Equal("privesc4-CreateAccessKey", policy.Title);
        Assert.StartsWith("Attached managed policy (customer managed)", policy.Subtitle, StringComparison.Ordinal);
        Assert.Null(policy.ParseError);
        Assert.Contains("iam:CreateAccessKey", policy.PrettyJson, StringComparison.Ordinal);
        Assert.Contains('\n', policy.PrettyJson);
        Assert.NotNull(detail.TrustPolicy);
        Assert.Contains("assumed-role/AWSReservedSSO_AdministratorAccess", detail.TrustPolicy.PrettyJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AdministratorRole_EffectivePermissionsCoverEveryService()
    {
        // Act
        var detail = Detail(IamTestData.RoleArn("AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc"));

        // Assert
        Assert.NotNull(detail.Permissions);
        Assert.NotNull(detail.Permissions.AllServices);
        Assert.Equal("Full", detail.Permissions.AllServices.AccessLabel);
        Assert.Equal("No organization loaded for this account: SCPs are not applied.", detail.Permissions.ScpNote);
    }

    [Fact]
    public void Build_PrivescRole_EffectivePermissionsSummariseIamAsLimitedPermissionsManagement()
    {
        // Act
        var permissions = Detail(IamTestData.RoleArn("privesc4-CreateAccessKey-role")).Permissions!;

        // Assert
        Assert.Null(permissions.AllServices);
        var iam = Assert.Single(permissions.Services, s => s.Service == "iam");
        Assert.Equal("Limited", iam.AccessLabel);
        Assert.Contains("iam:CreateAccessKey", iam.Actions, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Build_UserInGroup_ListsMembershipAndTheGroupsPolicies()
    {
        // Act
        var detail = Detail(IamTestData.UserArn("privesc-sre-user"));

        // Assert
        var group = Assert.Single(detail.Groups);
        Assert.Equal("privesc-sre-group", group.Name);
        Assert.StartsWith("/iam/principal?account=200611803367&arn=", group.Href, StringComparison.Ordinal);
        Assert.NotEmpty(detail.Policies);
        Assert.All(detail.Policies, p => Assert.StartsWith("Via group privesc-sre-group", p.Subtitle, StringComparison.Ordinal));
        Assert.Equal("No credential report in this snapshot (imported dumps carry none, or the report was not ready).", detail.CredentialReportNote);
    }

    [Fact]
    public void Build_Group_ListsItsMembers()
    {
        // Arrange
        var group = IamTestData.Example.Groups.Single(g => g.GroupName == "admin");

        // Act
        var detail = Detail(group.Arn);

        // Assert
        Assert.Equal(IamEntityKind.Group, detail.Kind);
        Assert.Contains(detail.Members, m => m.Name == "obama");
        Assert.Null(detail.Permissions);
    }

    [Fact]
    public void Build_ManagedPolicy_ListsVersionsAndWhatItIsAttachedTo()
    {
        // Act
        var detail = Detail("arn:aws:iam::200611803367:policy/privesc4-CreateAccessKey");

        // Assert
        Assert.Equal(IamEntityKind.ManagedPolicy, detail.Kind);
        Assert.StartsWith("Default version", Assert.Single(detail.Versions).Subtitle, StringComparison.Ordinal);
        Assert.Contains(detail.Members, m => m.Name == "privesc4-CreateAccessKey-role" && m.Note == "role");
        Assert.Contains(detail.Members, m => m.Name == "privesc4-CreateAccessKey-user" && m.Note == "user");
    }

    [Fact]
    public void Build_MalformedInlinePolicy_ShowsTheTextAndTheParseError()
    {
        // Arrange
        var snapshot = IamTestData.Hostile("x");

        // Act
        var detail = PrincipalDetailViewModel.Build(snapshot, "arn:aws:iam::123456789012:user/mallory", [], null, IamTestData.Now)!;

        // Assert
        var broken = Assert.Single(detail.Policies, p => p.Title == "broken");
        Assert.False(broken.IsReadable);
        Assert.False(string.IsNullOrWhiteSpace(broken.ParseError));
        Assert.Equal("{ this is not json x", broken.PrettyJson);
        Assert.Contains(detail.Permissions!.UnreadablePolicies, u => u.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_AccountInLoadedOrganization_AppliesItsScpChain()
    {
        // Arrange: the example account sits under Root → Workloads, whose SCP denies iam:CreateAccessKey.
        var organization = OrganizationTestData.Guarded();

        // Act
        var permissions = Detail(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), organization).Permissions!;

        // Assert
        Assert.StartsWith("SCPs applied: 3 levels (Root (r-ab12) → OU 'Workloads'", permissions.ScpNote, StringComparison.Ordinal);
        Assert.DoesNotContain(permissions.Services, s => s.Actions.Contains("iam:CreateAccessKey", StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("arn:aws:iam::200611803367:user/nobody")]
    [InlineData("")]
    [InlineData("not an arn")]
    public void Build_UnknownArn_ReturnsNull(string arn)
    {
        // Act
        var detail = PrincipalDetailViewModel.Build(IamTestData.Example, arn, IamTestData.Risks, null, IamTestData.Now);

        // Assert
        Assert.Null(detail);
    }

    [Fact]
    public void Build_RootArn_ShowsRootWithFullAccess()
    {
        // Act
        var detail = Detail("arn:aws:iam::200611803367:root");

        // Assert
        Assert.Equal(IamEntityKind.Root, detail.Kind);
        Assert.NotNull(detail.Permissions?.AllServices);
    }
}
