using Dashboard.Aws;
using Dashboard.Core.Organizations.Guardrails;

namespace Dashboard.Web.Organizations;

/// <summary>Guardrail settings that follow the rest of the configuration unless set on their own.</summary>
public static class GuardrailOptionsDefaults
{
    /// <summary>
    /// The audit-role guardrail protects the role this dashboard really reads through: <c>Aws:RoleName</c>,
    /// unless <c>Organizations:Guardrails:AuditRoleName</c> names another. Otherwise renaming the role would
    /// leave the guardrail testing a role nobody uses, and report protection the real role lacks.
    /// </summary>
    public static void Apply(GuardrailOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[$"{GuardrailOptions.SectionName}:{nameof(GuardrailOptions.AuditRoleName)}"] is not null) return;
        if (configuration[$"{AwsOptions.SectionName}:{nameof(AwsOptions.RoleName)}"] is { Length: > 0 } roleName) options.AuditRoleName = roleName;
    }
}
