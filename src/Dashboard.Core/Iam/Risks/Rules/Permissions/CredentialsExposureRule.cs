using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>Actions whose responses carry credentials (iam:CreateAccessKey, sts:GetFederationToken, ecr:GetAuthorizationToken…) on all resources.</summary>
public sealed class CredentialsExposureRule : UnrestrictedActionsRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_credentials_exposure",
        Title = "No unrestricted credential-returning actions",
        Severity = Severity.High,
        Category = RiskCategory.CredentialsExposure,
        ResourceType = RiskResourceType.Principal,
        Risk = "These calls hand out credentials (keys, tokens, passwords) for other identities or services.",
        Remediation = "Remove the actions or restrict them to the principal's own resources (e.g. iam:CreateAccessKey on user/${aws:username}).",
        Reference = "cloudsplaining, Credentials Exposure (kmcquade's list of actions that return credentials)",
    };

    protected override string Noun => "credential-returning actions";

    protected override ScanOutcome Scan(PrincipalAccess access) => CategoryScans.CredentialsExposure(access);
}
