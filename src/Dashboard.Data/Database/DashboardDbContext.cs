using Dashboard.Data.Findings;
using Dashboard.Data.Iam;
using Dashboard.Data.Organizations;
using Dashboard.Data.Settings;
using Dashboard.Data.Sync;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Database;

/// <summary>The SQLite cache. Short on purpose: each entity is configured in its own class beside it.</summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : DbContext(options)
{
    public DbSet<FindingEntity> Findings => Set<FindingEntity>();
    public DbSet<FindingJsonEntity> FindingJson => Set<FindingJsonEntity>();
    public DbSet<FindingCountEntity> FindingCounts => Set<FindingCountEntity>();
    public DbSet<ControlFailureCountEntity> ControlFailureCounts => Set<ControlFailureCountEntity>();
    public DbSet<SyncRunEntity> SyncRuns => Set<SyncRunEntity>();
    public DbSet<SyncRunTargetEntity> SyncRunTargets => Set<SyncRunTargetEntity>();
    public DbSet<SyncWatermarkEntity> SyncWatermarks => Set<SyncWatermarkEntity>();
    public DbSet<IamSnapshotEntity> IamSnapshots => Set<IamSnapshotEntity>();
    public DbSet<IamPrincipalEntity> IamPrincipals => Set<IamPrincipalEntity>();
    public DbSet<IamRiskEntity> IamRisks => Set<IamRiskEntity>();
    public DbSet<OrganizationSnapshotEntity> OrganizationSnapshots => Set<OrganizationSnapshotEntity>();
    public DbSet<DashboardSettingEntity> DashboardSettings => Set<DashboardSettingEntity>();
    public DbSet<ExcludedAccountEntity> ExcludedAccounts => Set<ExcludedAccountEntity>();
    public DbSet<SettingChangeEntity> SettingChanges => Set<SettingChangeEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
        => modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
}
