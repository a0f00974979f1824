using Dashboard.Core.Iam.Access;
using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Iam.Risks.Capabilities;

/// <summary>
/// What one policy grants on its own, by cloudsplaining's categories: the policy is evaluated as the only
/// identity policy of a stand-in user, on unrestricted resources. Used for a policy's detail page and to
/// compare with cloudsplaining, whose results are per policy.
/// </summary>
public sealed record PolicyRiskProfile(
    string PolicyName,
    ScanOutcome DataExfiltration,
    ScanOutcome ResourceExposure,
    ScanOutcome CredentialsExposure,
    ScanOutcome ServiceWildcards,
    ScanOutcome InfrastructureModification,
    IReadOnlyList<EscalationFinding> PrivilegeEscalation,
    bool IsAdmin)
{
    public const string StandInAccount = "123456789012";

    public static PolicyRiskProfile Analyze(PolicyInput policy, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var identity = new EffectiveIdentity
        {
            Principal = PrincipalContext.ForUser($"arn:aws:iam::{StandInAccount}:user/policy-under-review"),
            Name = "policy-under-review",
            IdentityPolicies = [policy],
        };
        var options = new AccessOptions { RequestTime = at };
        var access = new PrincipalAccess(identity, null, new AccessScope(options.BaseContext(), options.MissingKeys, at, false));
        return new PolicyRiskProfile(
            policy.Name,
            CategoryScans.DataExfiltration(access),
            CategoryScans.ResourceExposure(access),
            CategoryScans.CredentialsExposure(access),
            CategoryScans.ServiceWildcards(access),
            CategoryScans.InfrastructureModification(access),
            PrivilegeEscalationScanner.Scan(access, EscalationTargets.None),
            AdminEquivalence.Assess(access).IsAdmin);
    }
}
