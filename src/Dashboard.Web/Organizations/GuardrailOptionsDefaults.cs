using Dashboard.Aws;
using Dashboard.Core.Organizations.Guardrails;

namespace Dashboard.Web.Organizations;

/// <summary>Guardrail settings that follow the rest of the configuration unless set on their own.</summary>
public static class GuardrailOptionsDefaults
{
    /// <summary>
    /// The audit-role guardrail protects the role this dashboard really reads through: <c>Aws:RoleName</c>,
    /// unless <c>Organizations:Guardrails:AuditRoleName</c> names another. Otherwise renaming the role would
    /// leave the guardrail testing a role nobody uses, and report protection the real role lacks. An account
    /// with its own <c>Aws:Accounts:N:RoleArn</c> is read through that role, so that is the one tested there.
    /// </summary>
    public static void Apply(GuardrailOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[$"{GuardrailOptions.SectionName}:{nameof(GuardrailOptions.AuditRoleName)}"] is not null) return;
        if (configuration[$"{AwsOptions.SectionName}:{nameof(AwsOptions.RoleName)}"] is { Length: > 0 } roleName) options.AuditRoleName = roleName.Trim('/');

        var accounts = configuration.GetSection($"{AwsOptions.SectionName}:{nameof(AwsOptions.Accounts)}").Get<List<AwsAccountOptions>>() ?? [];
        foreach (var account in accounts)
        {
            // A malformed RoleArn is reported by the Aws options' own validation; the default role applies meanwhile.
            if (string.IsNullOrWhiteSpace(account.AccountId) || account.RoleArn is not { } arn) continue;
            var at = arn.IndexOf(":role/", StringComparison.Ordinal);
            if (at > 0 && at + 6 < arn.Length) options.SetAccountAuditRole(account.AccountId.Trim(), arn[(at + 6)..]);
        }
    }
}
