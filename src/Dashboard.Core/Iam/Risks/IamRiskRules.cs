using Dashboard.Core.Iam.Risks.Rules.Account;
using Dashboard.Core.Iam.Risks.Rules.Permissions;
using Dashboard.Core.Iam.Risks.Rules.Root;
using Dashboard.Core.Iam.Risks.Rules.Trust;
using Dashboard.Core.Iam.Risks.Rules.Users;

namespace Dashboard.Core.Iam.Risks;

/// <summary>The rule set the dashboard runs (a reflection test keeps it complete and the ids unique).</summary>
public static class IamRiskRules
{
    public static IReadOnlyList<IamRiskRule> All() =>
    [
        new RootMfaRule(),
        new RootAccessKeysRule(),
        new RootRecentUseRule(),
        new PasswordPolicyRule(),
        new ConsolePasswordWithoutMfaRule(),
        new AccessKeyRotationRule(),
        new AccessKeyUnusedRule(),
        new SingleActiveAccessKeyRule(),
        new PasswordUnusedRule(),
        new UserInlinePoliciesRule(),
        new UserDirectAttachmentsRule(),
        new UnusedCustomerPolicyRule(),
        new UnreadablePolicyRule(),
        new InactiveRoleRule(),
        new AdminEquivalentRule(),
        new PrivilegeEscalationRule(),
        new DataExfiltrationRule(),
        new ResourceExposureRule(),
        new CredentialsExposureRule(),
        new InfrastructureModificationRule(),
        new ServiceWildcardRule(),
        new TrustAnyPrincipalRule(),
        new TrustExternalAccountRule(),
        new TrustFederatedWithoutConditionRule(),
        new ComputeServiceRoleRule(),
    ];
}
