using Bunit;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;
using Dashboard.Web.Tests.Organizations;

namespace Dashboard.Web.Tests.Iam;

public sealed class IamCanAndTrustPagesTests : IamUiTest
{
    private const string Hostile = "<script>alert(1)</script>";

    [Fact]
    public void CanPage_QuestionInUrl_ShowsTheDecisionAndItsExplanation()
    {
        // Arrange
        Iam.With(IamTestData.Example);
        var role = IamTestData.RoleArn("privesc4-CreateAccessKey-role");

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, role, "iam:CreateAccessKey", "*"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Allowed", cut.Find("[data-testid=can-result] [data-testid=decision-chip]").TextContent.Trim()));
        Assert.Contains("Decision: Allowed", cut.Find("[data-testid=can-text]").TextContent, StringComparison.Ordinal);
        Assert.Equal("No organization loaded: SCPs are not applied.", cut.Find("[data-testid=can-scp-note]").TextContent);
    }

    [Fact]
    public void CanPage_LoadedOrganizationDenies_DeniedAndSaysHowManyScpLevels()
    {
        // Arrange
        Iam.With(IamTestData.Example);
        Organizations.Latest = OrganizationTestData.Cached(OrganizationTestData.Guarded());

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, IamTestData.RoleArn("privesc4-CreateAccessKey-role"), "iam:CreateAccessKey"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Denied", cut.Find("[data-testid=can-result] [data-testid=decision-chip]").TextContent.Trim()));
        Assert.StartsWith("SCPs applied: 3 levels", cut.Find("[data-testid=can-scp-note]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:*", "Action 's3:*' is not service:ActionName")]
    [InlineData("s3:GetObject&resource=bucket", "Resource 'bucket' is not an ARN")]
    public void CanPage_BadInputInUrl_MessageInsteadOfAResult(string actionAndMore, string expected)
    {
        // Arrange
        Iam.With(IamTestData.Example);
        var principal = Uri.EscapeDataString(IamTestData.RoleArn("privesc4-CreateAccessKey-role"));

        // Act
        var cut = RenderAt<IamCanPage>($"/iam/can?account={IamTestData.AccountId}&principal={principal}&action={actionAndMore}");

        // Assert
        cut.WaitForAssertion(() => Assert.StartsWith(expected, cut.Find("[data-testid=can-error]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=can-result]"));
    }

    [Fact]
    public void CanPage_SubmitWithoutAction_AsksForOne()
    {
        // Arrange
        Iam.With(IamTestData.Example);
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=can-submit]")));

        // Act
        cut.Find("button[data-testid=can-submit]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Type an action, e.g. s3:GetObject.", cut.Find("[data-testid=can-error]").TextContent.Trim()));
    }

    [Fact]
    public void CanPage_WhoCanTab_ListsPrincipalsWithDecisions()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamCanPage>(IamLinks.Can(IamTestData.AccountId, action: "iam:CreateAccessKey", whoCan: true));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=who-can] a"), a => a.TextContent == "privesc4-CreateAccessKey-user"));
        Assert.Contains("principals can perform it", cut.Find("[data-testid=who-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void CanPage_SeveralAccountsNoneChosen_AsksToPickOne()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(IamTestData.Hostile(Hostile));

        // Act
        var cut = RenderAt<IamCanPage>("/iam/can");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Pick an account.", cut.Find("[data-testid=can-message]").TextContent));
    }

    [Fact]
    public void TrustPage_ExampleAccount_CrossAccountEdgesHighlightedFirst()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var cut = RenderAt<IamTrustPage>(IamLinks.Trust(IamTestData.AccountId));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=cross-account]").Count));
        var firstRow = cut.Find("[data-testid=trust-edges] tbody tr");
        Assert.Contains("072528804237", firstRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("trust-cross-account", firstRow.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustPage_CrossOnlyAndHostileRoleName_OnlyCrossEdgesEncoded()
    {
        // Arrange
        Iam.With(IamTestData.Hostile(Hostile));

        // Act
        var cut = RenderAt<IamTrustPage>(IamLinks.Trust("123456789012", crossAccountOnly: true));

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=trust-edges] tbody tr")));
        Assert.Equal(Hostile, cut.Find("[data-testid=trust-edges] tbody tr a").TextContent);
        Assert.Empty(cut.FindAll("script"));
    }
}
