using Bunit;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

/// <summary>Cross-account trust edges turned into real paths: who in the trusted account can assume the role, by evaluation.</summary>
public sealed class TrustPathsTests : IamUiTest
{
    private const string Trusted = IamTestData.OtherAccount;
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private static readonly string OrgAccessRole = IamTestData.RoleArn("OrganizationAccountAccessRole");

    /// <summary>The account the example's OrganizationAccountAccessRole trusts, with principals that can and cannot assume it.</summary>
    private static IamAccountSnapshot TrustedAccount(int extraAdmins = 0) => new()
    {
        AccountId = Trusted,
        CollectedAt = IamTestData.Now,
        Users =
        [
            User("ops", """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}"""),
            User("mfa-ops", """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}"""),
            User("reader", """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}"""),
            User("elsewhere", """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::200611803367:role/some-other-role"}"""),
            User("denied", """{"Effect":"Allow","Action":"sts:*","Resource":"*"}""", """{"Effect":"Deny","Action":"sts:AssumeRole","Resource":"*"}"""),
            .. Enumerable.Range(1, extraAdmins).Select(i => User($"admin-{i:D2}", """{"Effect":"Allow","Action":"*","Resource":"*"}""")),
        ],
        Roles =
        [
            new IamRole
            {
                Arn = $"arn:aws:iam::{Trusted}:role/deployer",
                RoleName = "deployer",
                TrustPolicy = new IamPolicyJson("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"codebuild.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                InlinePolicies = [new IamInlinePolicy("assume", Policy($$"""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{OrgAccessRole}}"}"""))],
            },
        ],
    };

    private static IamUser User(string name, params string[] statements) => new()
    {
        Arn = $"arn:aws:iam::{Trusted}:user/{name}",
        UserName = name,
        InlinePolicies = [new IamInlinePolicy("own", Policy(statements))],
    };

    private static IamPolicyJson Policy(params string[] statements) => new($$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""");

    private async Task<TrustViewModel> PathsAsync(int maxEvaluations = TrustPathFinder.MaxEvaluations)
    {
        var accounts = Iam.Snapshots.Select(s => s.AccountId).Order(StringComparer.Ordinal).ToList();
        return await TrustPathFinder.AddPathsAsync(TrustViewModel.Build(IamTestData.Example, null), accounts, Iam, null, IamTestData.Now, Ct, maxEvaluations);
    }

    [Fact]
    public async Task AddPaths_TrustedAccountCached_ListsWhoCanReallyAssumeTheRole()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(TrustedAccount());

        // Act
        var trust = await PathsAsync();

        // Assert: allowed first, then conditional; no sts permission, another role or an explicit deny keep a principal out.
        var paths = Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole").Paths!;
        Assert.Equal(["deployer", "ops", "mfa-ops"], paths.Shown.Select(p => p.Name));
        Assert.Equal([AccessDecision.Allowed, AccessDecision.Allowed, AccessDecision.ConditionallyAllowed], paths.Shown.Select(p => p.Decision));
        Assert.Equal((3, 1), (paths.Total, paths.Conditional));
        Assert.Equal([Trusted], paths.AccountsChecked);
        Assert.Equal($"3 principals of {Trusted} can assume it (1 only if conditions hold).", paths.Summary);
        Assert.Equal(IamLinks.Principal(Trusted, $"arn:aws:iam::{Trusted}:role/deployer"), paths.Shown[0].Href);
    }

    [Fact]
    public async Task AddPaths_EdgeNamesOneRole_ListsOnlyThatRole()
    {
        // Arrange: stacksets-exec trusts one service-linked role of the trusted account, which does not exist there.
        Iam.With(IamTestData.Example).With(TrustedAccount());

        // Act
        var trust = await PathsAsync();

        // Assert
        var paths = Assert.Single(trust.Edges, e => e.RoleName.StartsWith("stacksets-exec", StringComparison.Ordinal)).Paths!;
        Assert.Equal(0, paths.Total);
        Assert.Equal($"No user or role of {Trusted} holds sts:AssumeRole on this role.", paths.Summary);
    }

    [Fact]
    public async Task AddPaths_TrustedAccountNotCached_SaysWhoCanIsUnknown()
    {
        // Arrange
        Iam.With(IamTestData.Example);

        // Act
        var trust = await PathsAsync();

        // Assert
        var paths = Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole").Paths!;
        Assert.Empty(paths.AccountsChecked);
        Assert.Equal([Trusted], paths.AccountsNotCached);
        Assert.Equal($"{Trusted} is not cached: who there can assume it is unknown.", paths.Summary);
        Assert.All(trust.Edges.Where(e => !e.IsCrossAccount), e => Assert.Null(e.Paths));
    }

    [Fact]
    public async Task AddPaths_ManyPrincipals_ListsTheFirstTenWithTheTotal()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(TrustedAccount(extraAdmins: 12));

        // Act
        var trust = await PathsAsync();

        // Assert
        var paths = Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole").Paths!;
        Assert.Equal(TrustPathFinder.MaxListed, paths.Shown.Count);
        Assert.Equal((15, 5), (paths.Total, paths.More));
    }

    [Fact]
    public async Task AddPaths_OverTheEvaluationBudget_SaysTheAccountWasNotChecked()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(TrustedAccount());

        // Act
        var trust = await PathsAsync(maxEvaluations: 3);

        // Assert
        var paths = Assert.Single(trust.Edges, e => e.RoleName == "OrganizationAccountAccessRole").Paths!;
        Assert.Equal([Trusted], paths.AccountsOverBudget);
        Assert.Equal(0, paths.Total);
        Assert.Contains("Not checked in " + Trusted, paths.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPaths_RoleAssumableByAnybody_ChecksEveryOtherCachedAccount()
    {
        // Arrange
        var open = new IamAccountSnapshot
        {
            AccountId = "333333333333",
            CollectedAt = IamTestData.Now,
            Roles =
            [
                new IamRole
                {
                    Arn = "arn:aws:iam::333333333333:role/open",
                    RoleName = "open",
                    TrustPolicy = new IamPolicyJson("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}"""),
                },
            ],
        };
        Iam.With(open).With(TrustedAccount());

        // Act
        var trust = await TrustPathFinder.AddPathsAsync(TrustViewModel.Build(open, null), ["333333333333", Trusted], Iam, null, IamTestData.Now, Ct);

        // Assert: deployer may only assume the example's role, so the open role is reachable from ops and mfa-ops.
        var paths = Assert.Single(trust.Edges).Paths!;
        Assert.True(paths.AnyAccount);
        Assert.Equal(["ops", "mfa-ops"], paths.Shown.Select(p => p.Name));
        Assert.EndsWith("Anyone in an account the dashboard does not cache may assume it too.", paths.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TrustPage_TrustedAccountCached_ShowsThePrincipalsUnderTheEdge()
    {
        // Arrange
        Iam.With(IamTestData.Example).With(TrustedAccount());

        // Act
        var cut = RenderAt<IamTrustPage>(IamLinks.Trust(IamTestData.AccountId));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=trust-paths]")));
        var summaries = cut.FindAll("[data-testid=trust-paths-summary]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Contains($"3 principals of {Trusted} can assume it (1 only if conditions hold).", summaries);
        Assert.Contains(cut.FindAll("[data-testid=trust-paths] a"), a => a.GetAttribute("href") == IamLinks.Principal(Trusted, $"arn:aws:iam::{Trusted}:user/ops"));
    }
}
