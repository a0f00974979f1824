using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Findings;

internal sealed class FindingWorkflowChangeEntityConfiguration : IEntityTypeConfiguration<FindingWorkflowChangeEntity>
{
    public void Configure(EntityTypeBuilder<FindingWorkflowChangeEntity> b)
    {
        b.ToTable("FindingWorkflowChanges");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.Note).HasMaxLength(FindingWorkflowChange.MaxNoteLength);
        // The detail page's history: one finding's changes, newest first.
        b.HasIndex(c => new { c.FindingId, c.ProductArn, c.ChangedAtTicks });
        // The sync's race guard: the changes made since its first page was requested (FindingWorkflowGuard).
        b.HasIndex(c => c.ChangedAtTicks);
    }
}
