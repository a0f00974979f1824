using Dashboard.Core.Organizations;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Web.Organizations;

namespace Dashboard.Web.Tests.Organizations;

public sealed class OrganizationViewModelTests
{
    private static readonly Lazy<GuardrailMatrix> ExampleMatrix = new(() => GuardrailMatrix.Compute(OrganizationTestData.AwsExample()));
    private static readonly Lazy<GuardrailMatrix> GuardedMatrix = new(() => GuardrailMatrix.Compute(OrganizationTestData.Guarded()));

    [Fact]
    public void Tree_AwsExample_RootOusAndAccountsWithScpBadgesAndCoverage()
    {
        // Act
        var tree = OrganizationTreeViewModel.Build(ExampleMatrix.Value.Snapshot, ExampleMatrix.Value);

        // Assert
        Assert.Equal(["AccountingDepartment", "ProductionDepartment", "Master Account"], tree.Root.Children.Select(c => c.Name));
        var accounting = tree.Root.Children[0];
        Assert.Equal(["FullAWSAccess", "AllowAllS3Actions"], accounting.Scps.Select(b => b.Name));
        Assert.Equal("/organization/policies?id=p-examplepolicyid111", accounting.Scps[1].Href);
        Assert.Equal(["Development Account", "Test Account"], accounting.Children.Select(c => c.Name));
        var management = Assert.Single(tree.Root.Children, c => c.Kind == OrganizationTargetKind.Account);
        Assert.True(management.IsManagement);
        Assert.Equal("Not applicable (management account)", management.Coverage!.Text);
        Assert.Equal("/organization/account?id=111111111111", management.Href);
        Assert.NotNull(tree.Root.Coverage);
        Assert.Equal(tree.Root.Coverage.Counts.Total, 4 * ExampleMatrix.Value.Guardrails.Count);
        Assert.Empty(tree.Problems);
    }

    [Fact]
    public void Tree_GuardedOrganization_SuspendedDimmedAndUnreadableScpReported()
    {
        // Act
        var tree = OrganizationTreeViewModel.Build(GuardedMatrix.Value.Snapshot, GuardedMatrix.Value);

        // Assert
        var workloads = Assert.Single(tree.Root.Children, c => c.Id == OrganizationTestData.Workloads);
        var suspended = Assert.Single(workloads.Children, c => c.Id == OrganizationTestData.Suspended);
        Assert.True(suspended.IsInactive);
        Assert.Equal("SUSPENDED", suspended.Status);
        var problem = Assert.Single(tree.Problems);
        Assert.Equal(("BrokenScp", "SCP"), (problem.PolicyName, problem.Type));
        Assert.Equal(["OU 'Legacy' (ou-ab12-legacyou1)"], problem.AttachedTo);
        var legacy = Assert.Single(tree.Root.Children, c => c.Id == OrganizationTestData.Legacy);
        Assert.False(Assert.Single(legacy.Scps, b => b.PolicyId == OrganizationTestData.BrokenId).IsReadable);
        Assert.True(legacy.Coverage!.Counts.Uncertain > 0);
        Assert.Contains("uncertain", legacy.Coverage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_NoMatrix_TreeWithoutCoverageAndTheReason()
    {
        // Act
        var tree = OrganizationTreeViewModel.Build(OrganizationTestData.AwsExample(), null, "Guardrail coverage cannot be computed: bad options.");

        // Assert
        Assert.Null(tree.Root.Coverage);
        Assert.Equal("Guardrail coverage cannot be computed: bad options.", tree.MatrixError);
        Assert.Equal(3, tree.Root.Children.Count);
    }

    [Fact]
    public void Matrix_AwsExample_TestAccountProtectedFromLeavingByItsAllowList()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(ExampleMatrix.Value, null, "444444444444", "leave-organization");

        // Assert
        Assert.Equal(4, model.Rows.Count);
        Assert.Equal(ExampleMatrix.Value.Guardrails.Count, model.Columns.Count);
        var cell = Assert.Single(model.Rows.Single(r => r.AccountId == "444444444444").Cells, c => c.GuardrailId == "leave-organization");
        Assert.Equal((GuardrailStatus.Protected, "Protected"), (cell.Status, cell.Label));
        Assert.Equal("/organization/guardrails?account=444444444444&guardrail=leave-organization", cell.Href);
        var detail = model.Selected!;
        var decider = Assert.Single(detail.Deciders);
        Assert.Contains("444444444444", decider.Level, StringComparison.Ordinal);
        Assert.Null(decider.Statement);
        Assert.All(model.Rows.Single(r => r.IsManagement).Cells, c => Assert.Equal("N/A", c.Label));
        Assert.Empty(model.Warnings);
    }

    [Fact]
    public void Matrix_FilteredByOu_OnlyItsAccountsAndLinksKeepTheFilter()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(ExampleMatrix.Value, "ou-examplerootid111-exampleouid111", null, null);

        // Assert
        Assert.Equal(["333333333333", "444444444444"], model.Rows.Select(r => r.AccountId));
        Assert.StartsWith("/organization/guardrails?ou=ou-examplerootid111-exampleouid111&account=", model.Rows[0].Cells[0].Href, StringComparison.Ordinal);
        Assert.Equal(["Root", "AccountingDepartment", "ProductionDepartment"], model.OuOptions.Select(o => o.Name));
        Assert.Equal(1, model.OuOptions[1].Depth);
        Assert.Null(model.Selected);
    }

    [Fact]
    public void Matrix_UnknownIdsInUrl_WarningsAndTheWholeMatrix()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(ExampleMatrix.Value, "ou-nope", "999999999999", "leave-organization");

        // Assert
        Assert.Equal(4, model.Rows.Count);
        Assert.Equal(
            ["'ou-nope' is not the root, an OU or an account of o-exampleorgid; showing every account", "account '999999999999' is not in the matrix"],
            model.Warnings);
        Assert.Null(model.Selected);
    }

    [Fact]
    public void Matrix_ExemptedBreakGlassRole_DetailShowsTheDecidingStatementAndTheException()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(GuardedMatrix.Value, null, OrganizationTestData.Member, "leave-organization");

        // Assert
        var detail = model.Selected!;
        Assert.Equal(GuardrailStatus.ProtectedWithExceptions, detail.Cell.Status);
        Assert.Equal("With exceptions", detail.Cell.Label);
        var decider = Assert.Single(detail.Deciders);
        Assert.Equal(("DenyLeaveOrganization", "DenyLeaving", "Root (r-ab12)"), (decider.PolicyName, decider.Statement, decider.Level));
        Assert.Equal("/organization/policies?id=p-denyleave1", decider.PolicyHref);
        var exception = Assert.Single(detail.Exceptions);
        Assert.Contains("BreakGlass", exception.Condition, StringComparison.Ordinal);
    }

    [Fact]
    public void Matrix_UnreadableScpOnThePath_UncertainWithTheReason()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(GuardedMatrix.Value, OrganizationTestData.Legacy, OrganizationTestData.LegacyAccount, "iam-users");

        // Assert
        Assert.Equal(GuardrailStatus.Uncertain, model.Selected!.Cell.Status);
        Assert.Contains(model.Selected.UncertainReasons, r => r.Contains("BrokenScp", StringComparison.Ordinal));
        Assert.Equal("/organization/guardrails?ou=ou-ab12-legacyou1", model.Selected.CloseHref);
    }

    [Fact]
    public void Account_AwsExampleTestAccount_PathLevelsSummariesAndGuardrails()
    {
        // Act
        var account = OrganizationAccountViewModel.Build(ExampleMatrix.Value.Snapshot, "444444444444", ExampleMatrix.Value)!;

        // Assert
        Assert.Equal(["Root", "AccountingDepartment", "Test Account"], account.Path.Select(p => p.Name));
        Assert.Equal(3, account.Levels.Count);
        var own = account.Levels[2];
        Assert.Equal("AllowAllEC2Actions", Assert.Single(own.Policies).Name);
        Assert.Contains("ec2:*", own.Policies[0].Summary.Text, StringComparison.Ordinal);
        Assert.Equal(ExampleMatrix.Value.Guardrails.Count, account.Guardrails.Count);
        Assert.Equal(GuardrailStatus.Protected, account.Guardrails.Single(g => g.GuardrailId == "leave-organization").Status);
        Assert.Contains(account.Effect, l => l.StartsWith("An action is allowed only if an SCP at each of these 3 levels allows it", StringComparison.Ordinal));
        Assert.False(account.IsManagement);
    }

    [Fact]
    public void Matrix_DeniedByAStatement_DrillDownShowsThatStatementInWordsAndJson()
    {
        // Act
        var model = GuardrailMatrixViewModel.Build(GuardedMatrix.Value, null, OrganizationTestData.Member, "leave-organization");

        // Assert
        var decider = Assert.Single(model.Selected!.Deciders);
        Assert.Equal("Denies organizations:LeaveOrganization on all resources, unless aws:PrincipalArn is like arn:aws:iam::*:role/BreakGlass.", decider.Sentence);
        using var statement = System.Text.Json.JsonDocument.Parse(decider.StatementJson!);
        Assert.Equal("DenyLeaving", statement.RootElement.GetProperty("Sid").GetString());
    }

    [Fact]
    public void Matrix_AllowListLevel_DrillDownSaysWhatThatLevelAllows()
    {
        // Act: the Test Account's own level allows EC2 only, so leaving is denied there.
        var model = GuardrailMatrixViewModel.Build(ExampleMatrix.Value, null, "444444444444", "leave-organization");

        // Assert
        var decider = Assert.Single(model.Selected!.Deciders);
        Assert.Equal("This level allows only: AllowAllEC2Actions: Allows ec2:* on all resources.", decider.Sentence);
        Assert.Null(decider.StatementJson);
    }

    [Theory]
    [InlineData(0, "First")]
    [InlineData(1, "Second")]
    [InlineData(2, null)]
    public void ExtractStatement_ArrayOfStatements_ReturnsTheOneAtTheIndex(int index, string? expectedSid)
    {
        // Arrange
        const string content = """{"Version":"2012-10-17","Statement":[{"Sid":"First","Effect":"Deny","Action":"*","Resource":"*"},{"Sid":"Second","Effect":"Allow","Action":"*","Resource":"*"}]}""";

        // Act
        var json = ScpStatementText.Extract(content, index);

        // Assert
        Assert.Equal(expectedSid, Sid(json));
    }

    [Theory]
    [InlineData("""{"Statement":{"Sid":"Only","Effect":"Deny","Action":"*","Resource":"*"}}""", "Only")]
    [InlineData("%7B%22Statement%22%3A%7B%22Sid%22%3A%22Encoded%22%7D%7D", "Encoded")]
    [InlineData("{ not json", null)]
    public void ExtractStatement_SingleObjectEncodedOrBroken_ReadsWhatItCan(string content, string? expectedSid)
    {
        // Act
        var json = ScpStatementText.Extract(content, 0);

        // Assert
        Assert.Equal(expectedSid, Sid(json));
    }

    private static string? Sid(string? statementJson)
    {
        if (statementJson is null) return null;
        using var document = System.Text.Json.JsonDocument.Parse(statementJson);
        return document.RootElement.GetProperty("Sid").GetString();
    }

    [Fact]
    public void Account_RcpsEnabled_RcpChainListedApartFromTheScps()
    {
        // Arrange: RCPFullAWSAccess everywhere plus a secure-transport RCP on the root, as the stand-in serves.
        var snapshot = OrganizationFileReader.Read("""
            {"organization": {"id": "o-rcptest001", "managementAccountId": "111111111111"},
             "root": {"id": "r-rcp1", "policyTypes": ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"],
                      "policies": ["p-FullAWSAccess", "p-RCPFullAWSAccess", "p-securetransport"],
                      "accounts": [{"id": "111111111111", "name": "management", "email": "m@example.com", "policies": ["p-FullAWSAccess", "p-RCPFullAWSAccess"]},
                                   {"id": "222222222222", "name": "member", "email": "a@example.com", "policies": ["p-FullAWSAccess", "p-RCPFullAWSAccess"]}]},
             "policies": [
               {"id": "p-FullAWSAccess", "name": "FullAWSAccess", "content": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}},
               {"id": "p-RCPFullAWSAccess", "name": "RCPFullAWSAccess", "type": "RESOURCE_CONTROL_POLICY",
                "content": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}},
               {"id": "p-securetransport", "name": "EnforceSecureTransport", "type": "RESOURCE_CONTROL_POLICY",
                "content": {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*",
                            "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}}]}}]}
            """);

        // Act
        var member = OrganizationAccountViewModel.Build(snapshot, "222222222222", GuardrailMatrix.Compute(snapshot))!;
        var noRcps = OrganizationAccountViewModel.Build(ExampleMatrix.Value.Snapshot, "444444444444", ExampleMatrix.Value)!;

        // Assert
        Assert.Equal([["FullAWSAccess"], ["FullAWSAccess"]], member.Levels.Select(l => l.Policies.Select(p => p.Name)));
        Assert.Equal([["RCPFullAWSAccess", "EnforceSecureTransport"], ["RCPFullAWSAccess"]], member.ResourceControlLevels.Select(l => l.Policies.Select(p => p.Name)));
        Assert.Contains("Denies s3:*", member.ResourceControlLevels[0].Policies[1].Summary.Text, StringComparison.Ordinal);
        Assert.Empty(noRcps.ResourceControlLevels);
    }

    [Fact]
    public void Account_AllowListAtTheAccount_EffectSaysOnlyWhatItAllowsGetsThrough()
    {
        // Act: the Test Account has AllowAllEC2Actions instead of FullAWSAccess; its siblings keep FullAWSAccess.
        var allowList = OrganizationAccountViewModel.Build(ExampleMatrix.Value.Snapshot, "444444444444", ExampleMatrix.Value)!;
        var denyList = OrganizationAccountViewModel.Build(ExampleMatrix.Value.Snapshot, "333333333333", ExampleMatrix.Value)!;

        // Assert
        var line = Assert.Single(allowList.Effect, l => l.Contains("is an allow list", StringComparison.Ordinal));
        Assert.StartsWith("Account 'Test Account' (444444444444) is an allow list", line, StringComparison.Ordinal);
        Assert.Contains("Allows ec2:* on all resources (AllowAllEC2Actions)", line, StringComparison.Ordinal);
        Assert.DoesNotContain(denyList.Effect, l => l.Contains("allow list", StringComparison.Ordinal));
    }

    [Fact]
    public void Account_UnreadableScpAtALevel_UncertainNotCalledAnAllowList()
    {
        // Act: the Legacy OU holds FullAWSAccess and the unreadable BrokenScp.
        var legacy = OrganizationAccountViewModel.Build(GuardedMatrix.Value.Snapshot, OrganizationTestData.LegacyAccount, GuardedMatrix.Value)!;

        // Assert
        Assert.Contains(legacy.Effect, l => l.StartsWith("Uncertain: BrokenScp", StringComparison.Ordinal));
        Assert.DoesNotContain(legacy.Effect, l => l.Contains("allow list", StringComparison.Ordinal) || l.Contains("allows nothing", StringComparison.Ordinal));
    }

    [Fact]
    public void Account_GuardedMember_EffectListsTheDeniesAndManagementIsExplained()
    {
        // Act
        var member = OrganizationAccountViewModel.Build(GuardedMatrix.Value.Snapshot, OrganizationTestData.Member, GuardedMatrix.Value)!;
        var management = OrganizationAccountViewModel.Build(GuardedMatrix.Value.Snapshot, OrganizationTestData.Management, GuardedMatrix.Value)!;
        var missing = OrganizationAccountViewModel.Build(GuardedMatrix.Value.Snapshot, "999999999999", GuardedMatrix.Value);

        // Assert
        Assert.Contains(member.Effect, l => l.Contains("DenyIamUsers 'DenyIamUsersAndKeys'", StringComparison.Ordinal));
        Assert.Contains(member.Effect, l => l.Contains("DenyLeaveOrganization 'DenyLeaving'", StringComparison.Ordinal));
        Assert.True(management.IsManagement);
        Assert.StartsWith("This is the management account", management.Effect[0], StringComparison.Ordinal);
        Assert.Null(missing);
    }

    [Fact]
    public void Library_GuardedOrganization_TargetsSummariesJsonAndTheParseError()
    {
        // Act
        var library = ScpLibraryViewModel.Build(OrganizationTestData.Guarded(), OrganizationTestData.BrokenId);

        // Assert
        Assert.Equal(4, library.Policies.Count);
        var full = Assert.Single(library.Policies, p => p.Name == "FullAWSAccess");
        Assert.Equal(7, full.Targets.Count);
        Assert.True(full.AwsManaged);
        var deny = Assert.Single(library.Policies, p => p.Id == OrganizationTestData.DenyIamId);
        Assert.Equal([("Workloads", "/organization/guardrails?ou=ou-ab12-workload1")], deny.Targets.Select(t => (t.Name, t.Href)));
        Assert.Contains("Denies", deny.Summary.Text, StringComparison.Ordinal);
        Assert.Contains("\n", deny.PrettyJson, StringComparison.Ordinal);
        Assert.Null(deny.ParseError);
        var broken = library.Selected!;
        Assert.Equal("BrokenScp", broken.Name);
        Assert.NotNull(broken.ParseError);
        Assert.False(broken.Summary.IsReadable);
        Assert.Null(library.Warning);
    }

    [Fact]
    public void Library_UnknownId_WarnsAndListsEverything()
    {
        // Act
        var library = ScpLibraryViewModel.Build(OrganizationTestData.AwsExample(), "p-missing");

        // Assert
        Assert.Null(library.Selected);
        Assert.Equal("The organization has no SCP or RCP with id 'p-missing'; showing the whole library.", library.Warning);
        Assert.Equal(3, library.Policies.Count);
    }
}
