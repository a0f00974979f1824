using Bunit;
using Dashboard.Core.Iam.Access;
using Dashboard.Web.Components.Iam;
using Dashboard.Web.Iam;

namespace Dashboard.Web.Tests.Iam;

/// <summary>The effective-permissions table: counts by access, filters, the first rows of long lists, and "check" links.</summary>
public sealed class EffectivePermissionsTableTests : IamUiTest
{
    private const string Principal = "arn:aws:iam::123456789012:user/dave";

    /// <summary>A read-only user's shape: many limited and list-only services, one with full access.</summary>
    private static EffectivePermissionsView ManyServices(bool conditional = false)
    {
        var rows = new List<ServicePermissionRow> { Row("s3", ServiceAccess.Full, ["s3:*"], conditional) };
        rows.AddRange(Enumerable.Range(0, 50).Select(i => Row($"svc{i:D2}", ServiceAccess.Limited, [$"svc{i:D2}:GetThing", $"svc{i:D2}:List*"], conditional)));
        rows.AddRange(Enumerable.Range(0, 9).Select(i => Row($"list{i}", ServiceAccess.ListOnly, [$"list{i}:Describe*"], conditional)));
        return new EffectivePermissionsView(null, rows, "SCPs applied: none.", [], null);
    }

    private static ServicePermissionRow Row(string service, ServiceAccess access, IReadOnlyList<string> actions, bool conditional)
        => new(service, access, EffectivePermissionsView.AccessLabel(access), "Read", actions, false, conditional);

    private IRenderedComponent<EffectivePermissionsTable> RenderTable(EffectivePermissionsView view)
        => Render<EffectivePermissionsTable>(p => p.Add(t => t.Permissions, view).Add(t => t.AccountId, "123456789012").Add(t => t.PrincipalArn, Principal));

    [Fact]
    public void Table_ManyServices_CountsByAccessAndShowsTheFirstRowsOnly()
    {
        // Act
        var cut = RenderTable(ManyServices());

        // Assert
        Assert.Equal("Full: 1", cut.Find("[data-testid=access-Full]").TextContent.Trim());
        Assert.Equal("Limited: 50", cut.Find("[data-testid=access-Limited]").TextContent.Trim());
        Assert.Equal("List only: 9", cut.Find("[data-testid=access-ListOnly]").TextContent.Trim());
        Assert.Equal(40, cut.FindAll("[data-testid=effective-permissions] tbody tr").Count);
        Assert.Contains("20 more", cut.Find("[data-testid=permission-show-all]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_ShowAll_ListsEveryService()
    {
        // Arrange
        var cut = RenderTable(ManyServices());

        // Act
        cut.Find("[data-testid=permission-show-all]").Click();

        // Assert
        Assert.Equal(60, cut.FindAll("[data-testid=effective-permissions] tbody tr").Count);
    }

    [Fact]
    public void Table_AccessChipClicked_ShowsOnlyThatAccess()
    {
        // Arrange
        var cut = RenderTable(ManyServices());

        // Act
        cut.Find("[data-testid=access-ListOnly]").Click();

        // Assert
        var services = cut.FindAll("[data-testid=effective-permissions] tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal([.. Enumerable.Range(0, 9).Select(i => $"list{i}")], services);
    }

    [Fact]
    public void Table_ServiceWithConcreteAction_LinksToTheCanQuestion()
    {
        // Act
        var cut = RenderTable(ManyServices());

        // Assert: s3 names only a wildcard, so it has no link; svc00 names svc00:GetThing.
        var first = cut.FindAll("[data-testid=effective-permissions] tbody tr")[0];
        Assert.Equal("s3", first.QuerySelector("td")!.TextContent);
        Assert.Null(first.QuerySelector("[data-testid=permission-check]"));
        var second = cut.FindAll("[data-testid=effective-permissions] tbody tr")[1];
        Assert.Equal(IamLinks.Can("123456789012", Principal, "svc00:GetThing"), second.QuerySelector("[data-testid=permission-check]")!.GetAttribute("href"));
    }

    [Fact]
    public void Table_EveryServiceConditional_SaysSoOnceInsteadOfOnEveryRow()
    {
        // Act
        var cut = RenderTable(ManyServices(conditional: true));

        // Assert
        Assert.NotEmpty(cut.FindAll("[data-testid=all-conditional]"));
        Assert.DoesNotContain("only if conditions hold", cut.Find("[data-testid=effective-permissions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_TextInAnActionName_FindsTheService()
    {
        // Act
        var found = ManyServices().Matching("GETTHING", []);

        // Assert
        Assert.Equal(50, found.Count);
        Assert.All(found, s => Assert.Equal(ServiceAccess.Limited, s.Access));
        Assert.Empty(ManyServices().Matching("svc01", [ServiceAccess.ListOnly]));
    }

    [Fact]
    public void For_ExampleConfigRecorderRole_WidestAccessFirstThenByName()
    {
        // Arrange: Quick Setup's Config recording role has limited and list-only services.
        var role = IamTestData.RoleArn("AWS-QuickSetup-EnableCRecording-1clff_us-east-1");
        var detail = PrincipalDetailViewModel.Build(IamTestData.Example, role, [], null, IamTestData.Now)!;

        // Act
        var services = detail.Permissions!.Services;

        // Assert
        Assert.True(services.Select(s => s.Access).Distinct().Count() >= 2, "the role has services of several access kinds");
        Assert.Equal(services.OrderBy(s => s.Access).ThenBy(s => s.Service, StringComparer.Ordinal).Select(s => s.Service), services.Select(s => s.Service));
    }
}
