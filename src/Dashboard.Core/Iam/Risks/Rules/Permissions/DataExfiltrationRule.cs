using Dashboard.Core.Findings;
using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Risks.Capabilities;

namespace Dashboard.Core.Iam.Risks.Rules.Permissions;

/// <summary>Data-reading actions (s3:GetObject, ssm:GetParameter*, secretsmanager:GetSecretValue, kms:Decrypt…) on all resources.</summary>
public sealed class DataExfiltrationRule : UnrestrictedActionsRule
{
    public override RiskRuleMetadata Metadata { get; } = new()
    {
        Id = "iam_principal_no_data_exfiltration",
        Title = "No unrestricted data-reading permissions",
        Severity = Severity.Medium,
        Category = RiskCategory.DataExfiltration,
        ResourceType = RiskResourceType.Principal,
        Risk = "Reading every bucket, parameter or secret in the account is how most data leaks happen.",
        Remediation = "Name the buckets, parameters, secrets and keys the principal needs in Resource instead of *.",
        Reference = "cloudsplaining, Data Exfiltration",
    };

    protected override string Noun => "data-reading actions";

    protected override ScanOutcome Scan(PrincipalAccess access) => CategoryScans.DataExfiltration(access);
}
