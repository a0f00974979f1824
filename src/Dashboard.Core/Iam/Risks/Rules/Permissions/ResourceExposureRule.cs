using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>Permissions-management actions (resource policies, ACLs, grants, IAM) on all resources.</summary>
public sealed class ResourceExposureRule : UnrestrictedActionsRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_resource_exposure",
        Title = "No unrestricted permissions-management actions",
        Severity = Severity.High,
        Category = RiskCategory.ResourceExposure,
        ResourceType = RiskResourceType.Principal,
        Risk = "Changing resource policies, ACLs or grants on any resource can expose buckets, keys, queues and more to other accounts or the public.",
        Remediation = "Remove the permissions-management actions or restrict them to named resources; block public access at the account level.",
        Reference = "cloudsplaining, Resource Exposure (policy_sentry's Permissions management access level)",
    };

    protected override string Noun => "permissions-management actions";

    protected override ScanOutcome Scan(PrincipalAccess access) => CategoryScans.ResourceExposure(access);
}
