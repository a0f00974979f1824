using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Iam;

internal sealed class IamSnapshotEntityConfiguration : IEntityTypeConfiguration<IamSnapshotEntity>
{
    public void Configure(EntityTypeBuilder<IamSnapshotEntity> b)
    {
        b.ToTable("IamSnapshots");
        b.HasKey(s => s.AccountId);
    }
}

internal sealed class IamPrincipalEntityConfiguration : IEntityTypeConfiguration<IamPrincipalEntity>
{
    public void Configure(EntityTypeBuilder<IamPrincipalEntity> b)
    {
        b.ToTable("IamPrincipals");
        b.HasKey(p => new { p.AccountId, p.Arn });
        b.Property(p => p.Kind).HasConversion<int>();
        // The lists: one account (or all) by kind, ordered by name.
        b.HasIndex(p => new { p.AccountId, p.Kind, p.Name });
        b.HasIndex(p => p.Name);
    }
}

internal sealed class IamRiskEntityConfiguration : IEntityTypeConfiguration<IamRiskEntity>
{
    public void Configure(EntityTypeBuilder<IamRiskEntity> b)
    {
        b.ToTable("IamRisks");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.HasIndex(r => r.AccountId);
        b.HasIndex(r => r.RuleId);
        b.HasIndex(r => r.Severity);
        b.HasIndex(r => r.ResourceArn);
    }
}
