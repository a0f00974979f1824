using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Organizations;

/// <summary>One stored organization snapshot, as <see cref="Core.Organizations.Serialization.OrganizationSnapshotJson"/> text.</summary>
public sealed class OrganizationSnapshotEntity
{
    public long Id { get; set; }
    public long CollectedAtTicks { get; set; }
    public required string Source { get; set; }
    public long? SyncRunId { get; set; }
    public required string Json { get; set; }
}

internal sealed class OrganizationSnapshotEntityConfiguration : IEntityTypeConfiguration<OrganizationSnapshotEntity>
{
    public void Configure(EntityTypeBuilder<OrganizationSnapshotEntity> b)
    {
        b.ToTable("OrganizationSnapshots");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedOnAdd();
        b.HasIndex(s => s.CollectedAtTicks);
    }
}
