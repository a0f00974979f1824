using Dashboard.Core.Iam.Inventory;
using Dashboard.Core.Iam.Inventory.CredentialReport;
using Dashboard.Core.Iam.Risks;
using Dashboard.Data.Database;

namespace Dashboard.Data.Iam;

/// <summary>The list rows of a snapshot: users, roles, groups and managed policies, with their risk counts.</summary>
internal static class IamPrincipalRows
{
    public static List<IamPrincipalEntity> Build(IamAccountSnapshot snapshot, IReadOnlyList<RiskResult> risks)
    {
        var riskByArn = risks
            .Where(r => r.Status is RiskStatus.Fail or RiskStatus.Conditional)
            .GroupBy(r => r.ResourceArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Highest: (int)g.Max(r => r.Severity)), StringComparer.Ordinal);
        var rows = new Dictionary<string, IamPrincipalEntity>(StringComparer.Ordinal);

        void Add(string arn, IamPrincipalKind kind, string name, string path, DateTimeOffset? created, DateTimeOffset? lastUsed)
        {
            // A dump can repeat an entity (pages combined twice); the primary key allows one row per ARN.
            if (string.IsNullOrEmpty(arn) || rows.ContainsKey(arn)) return;
            var risk = riskByArn.GetValueOrDefault(arn);
            rows[arn] = new IamPrincipalEntity
            {
                AccountId = snapshot.AccountId,
                Arn = arn,
                Kind = kind,
                Name = name,
                Path = path,
                CreateDateTicks = Instants.ToTicks(created),
                LastUsedTicks = Instants.ToTicks(lastUsed),
                RiskCount = risk.Count,
                HighestRiskSeverity = risk.Count > 0 ? risk.Highest : null,
            };
        }

        foreach (var user in snapshot.Users)
            Add(user.Arn, IamPrincipalKind.User, user.UserName, user.Path, user.CreateDate, UserLastUsed(snapshot.CredentialReport?.FindByArn(user.Arn)));
        foreach (var role in snapshot.Roles)
            Add(role.Arn, IamPrincipalKind.Role, role.RoleName, role.Path, role.CreateDate, role.LastUsed?.LastUsedDate);
        foreach (var group in snapshot.Groups)
            Add(group.Arn, IamPrincipalKind.Group, group.GroupName, group.Path, group.CreateDate, null);
        foreach (var policy in snapshot.ManagedPolicies)
            Add(policy.Arn, IamPrincipalKind.ManagedPolicy, policy.PolicyName, policy.Path, policy.CreateDate, null);
        return [.. rows.Values];
    }

    /// <summary>The latest of password and access-key use; null when the report has no row or no use.</summary>
    private static DateTimeOffset? UserLastUsed(CredentialReportRow? row)
    {
        if (row is null) return null;
        DateTimeOffset?[] uses = [row.PasswordLastUsed.Value, row.AccessKey1.LastUsedDate.Value, row.AccessKey2.LastUsedDate.Value];
        return uses.Where(u => u.HasValue).Max();
    }
}
