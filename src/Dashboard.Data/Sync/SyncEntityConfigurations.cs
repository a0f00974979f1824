using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Sync;

internal sealed class SyncRunEntityConfiguration : IEntityTypeConfiguration<SyncRunEntity>
{
    public void Configure(EntityTypeBuilder<SyncRunEntity> b)
    {
        b.ToTable("SyncRuns");
        b.HasKey(r => r.Id);
        b.HasIndex(r => r.StartedAtTicks);
        b.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRunTargetEntityConfiguration : IEntityTypeConfiguration<SyncRunTargetEntity>
{
    public void Configure(EntityTypeBuilder<SyncRunTargetEntity> b)
    {
        b.ToTable("SyncRunTargets");
        b.HasKey(t => t.Id);
        // Rows written before IAM and Organizations were synced are findings rows.
        b.Property(t => t.Kind).HasDefaultValue(Core.Sync.SyncTargetKinds.Findings);
        b.HasIndex(t => t.RunId);
    }
}

internal sealed class SyncWatermarkEntityConfiguration : IEntityTypeConfiguration<SyncWatermarkEntity>
{
    public void Configure(EntityTypeBuilder<SyncWatermarkEntity> b)
    {
        b.ToTable("SyncWatermarks");
        b.HasKey(w => new { w.AccountId, w.Region });
    }
}
