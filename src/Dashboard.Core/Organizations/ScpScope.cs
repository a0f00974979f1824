using Dashboard.Core.Iam.Evaluation;

namespace Dashboard.Core.Organizations;

/// <summary>Which SCP chain, if any, applies to an account's principals.</summary>
public static class ScpScope
{
    /// <summary>
    /// The SCP levels (root → OUs → account) for <paramref name="accountId"/>, or null when SCPs do not
    /// apply: no organization known, the management account (SCPs never restrict it), or an account
    /// outside the organization.
    /// </summary>
    public static IReadOnlyList<OrganizationPolicyLevel>? For(OrganizationSnapshot? organization, string accountId)
    {
        if (organization is null || organization.IsManagementAccount(accountId) || organization.FindAccount(accountId) is null)
            return null;
        return EffectivePolicies.ForAccount(organization, accountId);
    }
}
