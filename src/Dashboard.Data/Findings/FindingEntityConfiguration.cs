using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Findings;

internal sealed class FindingEntityConfiguration : IEntityTypeConfiguration<FindingEntity>
{
    public void Configure(EntityTypeBuilder<FindingEntity> b)
    {
        b.ToTable("Findings");
        b.HasKey(f => f.Key);
        // A rowid alias. FindingStore assigns new keys itself (MAX + 1 under the write lock) so the JSON
        // rows can be written without reading the keys back.
        b.Property(f => f.Key).ValueGeneratedOnAdd();
        // The natural key, as in BatchUpdateFindings; the upsert's conflict target.
        b.HasIndex(f => new { f.Id, f.ProductArn }).IsUnique();

        // Every index starts with RecordState (pages show ACTIVE unless asked) and ends, implicitly,
        // with the rowid (Key), the tie-breaker of every sort. Rows are appended with growing keys,
        // so these indexes take inserts at the end of each group: cheap during a full sync. Only
        // UpdatedAt and ResourceId take random inserts. Each one serves its sort without a sort
        // step, and its filter (with the severity order) from the index alone.
        b.HasIndex(f => new { f.RecordState, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.UpdatedAtTicks });
        b.HasIndex(f => new { f.RecordState, f.Title, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.AwsAccountId, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.Region, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.ProductName, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.ControlId, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.WorkflowStatus, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.ComplianceStatus, f.SeverityRank });
        b.HasIndex(f => new { f.RecordState, f.ResourceType, f.SeverityRank });
        // The detail page's "other findings on this resource".
        b.HasIndex(f => f.ResourceId);

        b.HasOne(f => f.Json).WithOne().HasForeignKey<FindingJsonEntity>(j => j.FindingKey).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingJsonEntityConfiguration : IEntityTypeConfiguration<FindingJsonEntity>
{
    public void Configure(EntityTypeBuilder<FindingJsonEntity> b)
    {
        b.ToTable("FindingJson");
        b.HasKey(j => j.FindingKey);
        b.Property(j => j.FindingKey).ValueGeneratedNever();
        b.Property(j => j.RawJson).HasColumnType("TEXT");
    }
}
