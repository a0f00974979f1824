using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Data.Settings;

internal sealed class DashboardSettingEntityConfiguration : IEntityTypeConfiguration<DashboardSettingEntity>
{
    public void Configure(EntityTypeBuilder<DashboardSettingEntity> b)
    {
        b.ToTable("DashboardSettings");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(SettingsStore.MaxValueLength);
        b.Property(s => s.ChangedBy).HasMaxLength(SettingsStore.MaxChangedByLength);
    }
}

internal sealed class ExcludedAccountEntityConfiguration : IEntityTypeConfiguration<ExcludedAccountEntity>
{
    public void Configure(EntityTypeBuilder<ExcludedAccountEntity> b)
    {
        b.ToTable("ExcludedAccounts");
        b.HasKey(a => a.AccountId);
        b.Property(a => a.AccountId).HasMaxLength(12);
        b.Property(a => a.ExcludedBy).HasMaxLength(SettingsStore.MaxChangedByLength);
    }
}

internal sealed class SettingChangeEntityConfiguration : IEntityTypeConfiguration<SettingChangeEntity>
{
    public void Configure(EntityTypeBuilder<SettingChangeEntity> b)
    {
        b.ToTable("SettingChanges");
        b.HasKey(c => c.Id);
        // Ids follow commit order (writes hold SQLite's write lock), which the history lists newest first.
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.Setting).HasMaxLength(100);
        b.Property(c => c.Subject).HasMaxLength(100);
        b.Property(c => c.OldValue).HasMaxLength(SettingsStore.MaxValueLength);
        b.Property(c => c.NewValue).HasMaxLength(SettingsStore.MaxValueLength);
        b.Property(c => c.ChangedBy).HasMaxLength(SettingsStore.MaxChangedByLength);
    }
}
