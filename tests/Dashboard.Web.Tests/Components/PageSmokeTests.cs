using System.Reflection;
using Bunit;
using Dashboard.Web.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Tests.Components;

/// <summary>Every routable page renders inside the layout without throwing, on an empty cache.</summary>
public sealed class PageSmokeTests : DashboardComponentTest
{
    private static readonly Assembly WebAssembly = typeof(UiServiceCollectionExtensions).Assembly;

    public static TheoryData<string> RoutablePages()
    {
        var data = new TheoryData<string>();
        foreach (var type in PageTypes())
        {
            data.Add(type.FullName!);
        }
        return data;
    }

    [Fact]
    public void RoutablePages_AreDiscoveredByTheirPageAttributes()
    {
        var routes = PageTypes().SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToHashSet();

        Assert.Superset(new HashSet<string> { "/", "/findings", "/findings/detail", "/sync", "/not-found" }, routes);
    }

    [Theory]
    [MemberData(nameof(RoutablePages))]
    public void Render_EveryPageInsideTheLayout_RendersWithoutExceptions(string pageTypeName)
    {
        var pageType = WebAssembly.GetType(pageTypeName, throwOnError: true)!;
        var route = pageType.GetCustomAttributes<RouteAttribute>().First().Template;
        // No extra popover provider: the layout renders its own, exactly once.
        Navigation.NavigateTo(route);

        var cut = Render<MainLayout>(parameters => parameters.Add(
            p => p.Body,
            builder =>
            {
                builder.OpenComponent(0, pageType);
                builder.CloseComponent();
            }));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("h1")));
        Assert.Contains("AWS Security Dashboard", cut.Markup);
    }

    private static IEnumerable<Type> PageTypes()
        => WebAssembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttributes<RouteAttribute>().Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
