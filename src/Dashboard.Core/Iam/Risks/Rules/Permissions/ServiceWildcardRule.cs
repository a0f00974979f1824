using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>Every action of a service (<c>s3:*</c>) allowed on all resources.</summary>
public sealed class ServiceWildcardRule : UnrestrictedActionsRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_service_wildcard",
        Title = "No service-wide wildcards",
        Severity = Severity.Medium,
        Category = RiskCategory.ServiceWildcard,
        ResourceType = RiskResourceType.Principal,
        Risk = "service:* grants every present and future action of the service, including its permissions-management and destructive ones.",
        Remediation = "List the actions the principal needs instead of service:*.",
        Reference = "cloudsplaining, Service Wildcard",
    };

    protected override string Noun => "every action of these services";

    protected override ScanOutcome Scan(PrincipalAccess access) => CategoryScans.ServiceWildcards(access);
}
