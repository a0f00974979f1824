using Bunit;
using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Core.Organizations.Guardrails;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Iam;
using Dashboard.Web.Organizations;
using Dashboard.Web.Tests.Components;
using Dashboard.Web.Tests.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Iam;

public sealed class CredentialReportAndLoadTests
{
    private static IamAccountSnapshot WithCloudMapperReport()
    {
        var csv = File.ReadAllText(Path.Combine(SharedData.Root, "data", "iam", "credential-report", "cloudmapper-credential-report.csv"));
        return new IamAccountSnapshot
        {
            AccountId = "123456789012",
            CollectedAt = IamTestData.Now,
            CredentialReport = CredentialReportParser.Parse(csv),
            Users = [new IamUser { Arn = "arn:aws:iam::123456789012:user/user", UserName = "user" }],
        };
    }

    [Fact]
    public void PrincipalDetail_UserWithReportRow_ShowsEveryColumnAndTheLastUse()
    {
        // Act
        var detail = PrincipalDetailViewModel.Build(WithCloudMapperReport(), "arn:aws:iam::123456789012:user/user", [], null, IamTestData.Now)!;

        // Assert
        Assert.Null(detail.CredentialReportNote);
        Assert.Equal(22, detail.CredentialReport.Count);
        Assert.Equal("true", detail.CredentialReport.Single(c => c.Key == "password_enabled").Value);
        Assert.Equal("2018-05-07 15:35:54 UTC", detail.CredentialReport.Single(c => c.Key == "password_last_used").Value);
        Assert.Equal("N/A", detail.CredentialReport.Single(c => c.Key == "password_last_changed").Value);
        Assert.StartsWith("2018-05-07 15:35:54 UTC (console password)", detail.LastUsed, StringComparison.Ordinal);
    }

    [Fact]
    public void PrincipalDetail_Root_ShowsTheRootRowWithNotSupportedCells()
    {
        // Act
        var detail = PrincipalDetailViewModel.Build(WithCloudMapperReport(), "arn:aws:iam::123456789012:root", [], null, IamTestData.Now)!;

        // Assert
        Assert.Equal("<root_account>", detail.CredentialReport.Single(c => c.Key == "user").Value);
        Assert.Equal("not_supported", detail.CredentialReport.Single(c => c.Key == "password_enabled").Value);
        Assert.Equal("2019-03-03 16:58:16 UTC (console password)", detail.LastUsed);
    }

    [Fact]
    public async Task RunAsync_LoaderNotRegistered_FailsWithAMessageNotAnException()
    {
        // Arrange
        using var services = new ServiceCollection().BuildServiceProvider();

        // Act
        var result = await PageLoad.RunAsync<IamPageLoader, IamOverviewViewModel>(services, "the IAM accounts", l => l.LoadOverviewAsync([]));

        // Assert
        Assert.Equal(LoadStatus.Failed, result.Status);
        Assert.Equal("Could not load the IAM accounts: this host does not provide IamPageLoader (the IAM and Organizations pages are not registered).", result.Error);
    }

    [Fact]
    public async Task RunAsync_LoaderReturnsNull_Empty()
    {
        // Arrange
        using var services = new ServiceCollection().AddSingleton(new object()).BuildServiceProvider();

        // Act
        var result = await PageLoad.RunAsync<object, string>(services, "x", _ => Task.FromResult<string?>(null));

        // Assert
        Assert.Equal(LoadStatus.Empty, result.Status);
    }

    [Fact]
    public void MatrixCache_SameSnapshot_ComputedOnce()
    {
        // Arrange
        var cache = new GuardrailMatrixCache(new StaticOptionsMonitor(new GuardrailOptions()), new GuardrailDefinitionSource(NullLogger<GuardrailDefinitionSource>.Instance));
        var cached = OrganizationTestData.Cached(OrganizationTestData.AwsExample());

        // Act
        var first = cache.For(cached);
        var second = cache.For(cached with { Snapshot = cached.Snapshot });

        // Assert
        Assert.NotNull(first.Matrix);
        Assert.Same(first.Matrix, second.Matrix);
    }

    [Fact]
    public void MatrixCache_UnusableOptions_ErrorNamingTheKey()
    {
        // Arrange
        var cache = new GuardrailMatrixCache(new StaticOptionsMonitor(new GuardrailOptions { AllowedRegions = ["mars-1"] }), new GuardrailDefinitionSource(NullLogger<GuardrailDefinitionSource>.Instance));

        // Act
        var (matrix, error) = cache.For(OrganizationTestData.Cached(OrganizationTestData.AwsExample()));

        // Assert
        Assert.Null(matrix);
        Assert.Contains("Organizations:Guardrails:AllowedRegions:0: 'mars-1' is not a Region name", error, StringComparison.Ordinal);
    }

    private sealed class StaticOptionsMonitor(GuardrailOptions value) : IOptionsMonitor<GuardrailOptions>
    {
        public GuardrailOptions CurrentValue => value;

        public GuardrailOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GuardrailOptions, string?> listener) => null;
    }
}

public sealed class IamNavigationTests : BunitContext
{
    [Fact]
    public void NavMenu_Render_LinksTheIamAndOrganizationPages()
    {
        // Arrange
        Services.AddMudServices();
        // The Admin link sits in an AuthorizeView: bUnit's authorization, signed out (so no Admin link).
        AddAuthorization();

        // Act
        var cut = Render<NavMenu>();

        // Assert
        var links = cut.FindAll("a.mud-nav-link").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("IAM", "/iam"), links);
        Assert.Contains(("Risks", "/iam/risks"), links);
        Assert.Contains(("Trust", "/iam/trust"), links);
        Assert.Contains(("Organization", "/organization"), links);
        Assert.Contains(("Guardrails", "/organization/guardrails"), links);
        Assert.Contains(("SCPs", "/organization/policies"), links);
    }
}
