using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Findings;

internal sealed class FindingCountEntityConfiguration : IEntityTypeConfiguration<FindingCountEntity>
{
    public void Configure(EntityTypeBuilder<FindingCountEntity> b)
    {
        b.ToTable("FindingCounts");
        // RecordState and severity first: every count and overview query constrains them.
        b.HasKey(c => new { c.RecordState, c.SeverityRank, c.AwsAccountId, c.Region, c.ProductName, c.WorkflowStatus, c.ComplianceStatus });
    }
}

internal sealed class ControlFailureCountEntityConfiguration : IEntityTypeConfiguration<ControlFailureCountEntity>
{
    public void Configure(EntityTypeBuilder<ControlFailureCountEntity> b)
    {
        b.ToTable("ControlFailureCounts");
        b.HasKey(c => new { c.ControlId, c.AwsAccountId, c.Title });
    }
}
