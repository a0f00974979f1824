using Dashboard.Data;
using Dashboard.Data.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dashboard.Migrations;

/// <summary>Lets <c>dotnet ef</c> build the model without starting the web app (this project is its own startup project).</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DashboardDbContext>
{
    public DashboardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DashboardDbContext>();
        options.UseDashboardSqlite(Path.Combine(Path.GetTempPath(), "dashboard-design-time.db"));
        return new DashboardDbContext(options.Options);
    }
}
