using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>Write actions on all resources (the actions the principal's policies name, or "*").</summary>
public sealed class InfrastructureModificationRule : UnrestrictedActionsRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_unrestricted_infrastructure_modification",
        Title = "No unrestricted write permissions",
        Severity = Severity.Low,
        Category = RiskCategory.InfrastructureModification,
        ResourceType = RiskResourceType.Principal,
        Risk = "Write access to every resource of a service lets a mistake or a stolen credential change or destroy anything of that kind.",
        Remediation = "Restrict write actions to the resources the principal manages (ARNs, tags with aws:ResourceTag conditions).",
        Reference = "cloudsplaining, Infrastructure Modification",
    };

    protected override string Noun => "write actions";

    protected override ScanOutcome Scan(PrincipalAccess access) => CategoryScans.InfrastructureModification(access);
}
