using Dashboard.Core.Iam.Evaluation;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

public sealed class AccessWorkbenchTests
{
    private static readonly Lazy<AccessWorkbench> Plain = new(() => AccessWorkbench.Build(IamTestData.Example, null, IamTestData.Now));

    [Fact]
    public void Actions_ExampleAccount_NamesThePoliciesActionsWithoutWildcards()
    {
        // Act
        var actions = Plain.Value.Actions;

        // Assert
        Assert.Contains("iam:CreateAccessKey", actions, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("sts:AssumeRole", actions, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(actions, a => a.Contains('*', StringComparison.Ordinal) || a.Contains('?', StringComparison.Ordinal));
        Assert.Equal(actions.Count, actions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void SearchActions_Prefix_ListsPrefixMatchesFirst()
    {
        // Act
        var found = Plain.Value.SearchActions("iam:createa");

        // Assert
        Assert.Equal("iam:CreateAccessKey", found[0], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Principals_ExampleAccount_UsersRolesAndRoot()
    {
        // Act
        var principals = Plain.Value.SearchPrincipals("privesc4-CreateAccessKey");

        // Assert
        Assert.Equal(["privesc4-CreateAccessKey-user (user)", "privesc4-CreateAccessKey-role (role)"], principals.Select(p => p.Display));
        Assert.Contains(Plain.Value.Principals, p => p.Arn == "arn:aws:iam::200611803367:root");
    }

    [Fact]
    public void Check_PrivescRoleCreateAccessKey_AllowedWithTheDecidingStatement()
    {
        // Act
        var outcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "iam:CreateAccessKey", "arn:aws:iam::200611803367:user/anyone", null);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Equal(AccessDecision.Allowed, outcome.Result!.Decision);
        Assert.Equal("Allowed", outcome.Result.Label);
        Assert.Contains(outcome.Result.DecidingStatements, s => s.Contains("privesc4-CreateAccessKey", StringComparison.Ordinal));
        Assert.StartsWith("Decision: Allowed", outcome.Result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ActionNoPolicyAllows_Denied()
    {
        // Act
        var outcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "s3:GetObject", "", null);

        // Assert
        Assert.Equal(AccessDecision.Denied, outcome.Result!.Decision);
    }

    [Fact]
    public void Check_ContextDecidesAConditionalStatement_ConditionallyAllowedWithoutItAndAllowedWithIt()
    {
        // Arrange: fn3's policy allows iam:CreatePolicyVersion only if aws:TokenIssueTime is after 2020.
        var role = IamTestData.RoleArn("fn3-exploitableConditionConstraint-role");
        var workbench = AccessWorkbench.Build(IamTestData.Example, null, IamTestData.Now);

        // Act
        var withKey = workbench.Check(role, "iam:CreatePolicyVersion", "*", "aws:TokenIssueTime=2024-01-01T00:00:00Z");

        // Assert
        Assert.Null(withKey.Error);
        Assert.Equal(AccessDecision.Allowed, withKey.Result!.Decision);
    }

    [Theory]
    [InlineData(null, "Type an action, e.g. s3:GetObject.")]
    [InlineData("  ", "Type an action, e.g. s3:GetObject.")]
    [InlineData("s3:*", "Action 's3:*' is not service:ActionName (e.g. s3:GetObject); a request names one action, without wildcards.")]
    [InlineData("GetObject", "Action 'GetObject' is not service:ActionName (e.g. s3:GetObject); a request names one action, without wildcards.")]
    public void Check_BadAction_MessageNotException(string? action, string expected)
    {
        // Act
        var outcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), action, "*", null);

        // Assert
        Assert.Equal(expected, outcome.Error);
        Assert.Null(outcome.Result);
    }

    [Theory]
    [InlineData("my-bucket", null, "Resource 'my-bucket' is not an ARN (arn:partition:service:region:account:resource) or *.")]
    [InlineData("*", "no equals sign", "Context 'no equals sign' is not key=value (e.g. aws:MultiFactorAuthPresent=true)")]
    public void Check_BadResourceOrContext_MessageNotException(string resource, string? context, string expected)
    {
        // Act
        var outcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "s3:GetObject", resource, context);

        // Assert
        Assert.Equal(expected, outcome.Error);
    }

    [Theory]
    [InlineData("aws:MultiFactorAuthPresent=yes", "aws:MultiFactorAuthPresent=yes is not true or false")]
    [InlineData("aws:SourceIp=10.0.0.0/8", "aws:SourceIp=10.0.0.0/8 is not one IP address")]
    [InlineData("aws:SourceIp=203.0.113.7\naws:SourceIp=203.0.113.8", "aws:SourceIp takes one value, not 2")]
    [InlineData("aws:TokenIssueTime=yesterday", "aws:TokenIssueTime=yesterday is not a date and time")]
    public void Check_MistypedContextValue_RefusedWithTheCommandLinesMessage(string context, string expected)
    {
        // Arrange: the message `iam can --context` gives for the same keys, after its "--context: " prefix.
        ContextKeys.TryParseAssignments(AccessWorkbench.ContextLines(context), out var keys, out _);
        var commandLine = ContextValueCheck.Check(keys);

        // Act
        var canOutcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "s3:GetObject", "*", context);
        var whoOutcome = Plain.Value.WhoCan("s3:GetObject", "*", context);

        // Assert
        Assert.NotNull(commandLine);
        Assert.Contains(expected, commandLine, StringComparison.Ordinal);
        Assert.Equal(char.ToUpperInvariant(commandLine[0]) + commandLine[1..], canOutcome.Error);
        Assert.Null(canOutcome.Result);
        Assert.Equal(canOutcome.Error, whoOutcome.Error);
        Assert.Empty(whoOutcome.Rows);
    }

    [Fact]
    public void Check_WellTypedContextValues_Accepted()
    {
        // Act
        var outcome = Plain.Value.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "s3:GetObject", "*", "aws:MultiFactorAuthPresent=true\naws:SourceIp=203.0.113.7\ns3:prefix=a\ns3:prefix=b");

        // Assert
        Assert.Null(outcome.Error);
        Assert.NotNull(outcome.Result);
    }

    [Theory]
    [InlineData("arn:aws:iam::200611803367:role/nobody", "is not a user or role of account 200611803367")]
    [InlineData("nonsense", "Principal: ")]
    [InlineData("", "Pick a principal")]
    public void Check_UnknownPrincipal_MessageNotException(string principal, string expected)
    {
        // Act
        var outcome = Plain.Value.Check(principal, "s3:GetObject", "*", null);

        // Assert
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoCan_CreateAccessKey_ListsThePrivescPrincipalsWithDecisions()
    {
        // Act
        var outcome = Plain.Value.WhoCan("iam:CreateAccessKey", "*", null);

        // Assert
        Assert.Null(outcome.Error);
        Assert.Contains(outcome.Rows, r => r.Name == "privesc4-CreateAccessKey-user" && r.Decision == AccessDecision.Allowed);
        Assert.Contains(outcome.Rows, r => r.Name == "root");
        Assert.DoesNotContain(outcome.Rows, r => r.Name == "fp3-deny-iam-role");
        Assert.True(outcome.PrincipalsChecked > outcome.Rows.Count);
    }

    [Fact]
    public void WithOrganization_ScpDeniesTheAction_DeniedAndNamesTheScp()
    {
        // Arrange
        var workbench = AccessWorkbench.Build(IamTestData.Example, OrganizationTestData.Guarded(), IamTestData.Now);

        // Act
        var check = workbench.Check(IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "iam:CreateAccessKey", "*", null);
        var who = workbench.WhoCan("iam:CreateAccessKey", "*", null);

        // Assert
        Assert.StartsWith("SCPs applied: 3 levels", workbench.ScpNote, StringComparison.Ordinal);
        Assert.Equal(AccessDecision.Denied, check.Result!.Decision);
        Assert.Contains(check.Result.DecidingStatements, s => s.Contains("DenyIamUsers", StringComparison.Ordinal));
        Assert.Contains(who.Rows, r => r.Name == "privesc4-CreateAccessKey-user" && r.DecisionLabel == "Denied by an SCP");
    }

    [Fact]
    public void Build_AccountOutsideLoadedOrganization_SaysScpsAreNotApplied()
    {
        // Act
        var workbench = AccessWorkbench.Build(IamTestData.Example, OrganizationTestData.AwsExample(), IamTestData.Now);

        // Assert
        Assert.Equal("Account 200611803367 is not in the loaded organization o-exampleorgid: SCPs are not applied.", workbench.ScpNote);
    }
}
