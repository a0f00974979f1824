using Dashboard.Web.Hosting;

namespace Dashboard.Web.Tests.Hosting;

public sealed class DataDirectoryTests
{
    [Fact]
    public void Resolve_OptionGiven_WinsOverEnvironmentAndConfiguration()
        => Assert.Equal(Path.GetFullPath("/tmp/from-option"), DataDirectory.Resolve("/tmp/from-option", "/tmp/from-env", "/tmp/from-config"));

    [Fact]
    public void Resolve_NoOption_EnvironmentWinsOverConfiguration()
        => Assert.Equal(Path.GetFullPath("/tmp/from-env"), DataDirectory.Resolve(null, "/tmp/from-env", "/tmp/from-config"));

    [Fact]
    public void Resolve_OnlyConfiguration_UsesIt()
        => Assert.Equal(Path.GetFullPath("/tmp/from-config"), DataDirectory.Resolve(null, null, "/tmp/from-config"));

    [Fact]
    public void Resolve_NothingSet_IsDotDataInTheWorkingDirectory()
        => Assert.Equal(Path.GetFullPath(".data"), DataDirectory.Resolve(null, null, null));

    [Fact]
    public void DatabasePath_IsDashboardDbInTheFolder()
        => Assert.Equal(Path.Combine("/data", "dashboard.db"), DataDirectory.DatabasePath("/data"));
}
